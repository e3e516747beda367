/**
 * "Verify files": re-hashes every stored file (of every dispute) in the hashing worker, with
 * progress, and lists the documents whose bytes were altered or are missing.
 */
import { Alert, Button, List, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { db } from '../../db/db';
import { reportError } from '../../ui/zod-form';
import { hashClient } from './hash-client';
import { verifyStoredFiles, type VerifyReport } from './verify-files';

export function VerifyFiles() {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<VerifyReport | null>(null);

  async function verify() {
    setRunning(true);
    setReport(null);
    setProgress(0);
    try {
      const result = await verifyStoredFiles(
        db,
        (blob, onProgress) => hashClient().hash(blob, onProgress),
        ({ bytesDone, bytesOf }) => setProgress(bytesOf === 0 ? 100 : (100 * bytesDone) / bytesOf),
      );
      setReport(result);
    } catch (error) {
      reportError(error, 'The files could not be verified');
    } finally {
      setRunning(false);
    }
  }

  return (
    <Stack gap="xs">
      <Button variant="default" onClick={() => void verify()} loading={running}>
        Verify files
      </Button>
      {running && <Progress value={progress} aria-label="Verifying the stored files" />}
      {report && report.problems.length === 0 && (
        <output>
          <Alert color="green" title="All files verified">
            {report.checked === 1
              ? 'The one stored file still matches its SHA-256.'
              : `All ${report.checked} stored files still match their SHA-256.`}
          </Alert>
        </output>
      )}
      {report && report.problems.length > 0 && (
        <Alert color="red" title="Some files do not match">
          <Text size="sm">
            {report.problems.length} of the stored files failed the check. The documents below
            should be attached again from a good copy.
          </Text>
          <List size="sm" aria-label="Files that failed verification">
            {report.problems.map((problem) => (
              <List.Item key={problem.sha256}>
                {problem.documents.map((d) => d.title).join(', ') || 'A file no document uses'}:{' '}
                {problem.problem === 'altered'
                  ? 'its bytes have changed since it was attached'
                  : 'its bytes are missing'}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
