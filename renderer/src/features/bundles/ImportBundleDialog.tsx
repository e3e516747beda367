/**
 * "Import case bundle…": pick a `.casefile` file; it is read and checked whole (with progress)
 * before anything is written. A bundle that fails any check is refused with the reason and the
 * case files stay as they were. If its dispute is already on file, the person chooses "Import as
 * a copy" or "Replace"; the import itself is one transaction.
 */
import { Alert, Button, FileInput, Group, List, Modal, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { db } from '../../db/db';
import { notifyDone } from '../../ui/notify';
import { BUNDLE_EXTENSION } from './export-bundle';
import { existingDispute, importBundle, type ImportChoice } from './import-bundle';
import { archiveReader } from '../../workers/archive-reader';
import type { OpenedBundle } from './read-bundle';

type Checked = { bundle: OpenedBundle; alreadyOnFile: boolean };

const countWords: [string, string][] = [
  ['proceedings', 'proceedings'],
  ['patents', 'patents'],
  ['documents', 'documents'],
  ['notes', 'notes'],
  ['deadlines', 'deadlines'],
];

export function ImportBundleDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [, navigate] = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  function close() {
    setFile(null);
    setChecked(null);
    setError(null);
    setChecking(null);
    onClose();
  }

  async function choose(chosen: File | null) {
    setFile(chosen);
    setChecked(null);
    setError(null);
    if (!chosen) return;
    setChecking(0);
    try {
      const bundle = await archiveReader().openBundle(chosen, {
        onProgress: (p) => setChecking(Math.round((p.done / Math.max(1, p.total)) * 100)),
      });
      setChecked({ bundle, alreadyOnFile: (await existingDispute(db, bundle)) !== undefined });
    } catch (caught) {
      setError(`“${chosen.name}” cannot be imported. ${(caught as Error).message}`);
    } finally {
      setChecking(null);
    }
  }

  async function runImport(choice?: ImportChoice) {
    if (!checked) return;
    setImporting(true);
    try {
      const result = await importBundle(db, checked.bundle, choice);
      notifyDone(
        'Case bundle imported',
        result.mode === 'replace'
          ? `“${result.title}” was replaced with the bundle’s version.`
          : `“${result.title}” is now in your case files.`,
      );
      close();
      navigate(`/disputes/${result.disputeId}`);
    } catch (caught) {
      setError(`The bundle was not imported: ${(caught as Error).message}`);
    } finally {
      setImporting(false);
    }
  }

  const counts = checked?.bundle.manifest.counts ?? {};
  return (
    <Modal opened={opened} onClose={close} title="Import case bundle" centered>
      <Stack>
        <FileInput
          label="Case bundle file"
          description={`A .${BUNDLE_EXTENSION} file exported from Casefile.`}
          placeholder="Choose a file"
          accept={`.${BUNDLE_EXTENSION},application/zip`}
          value={file}
          onChange={(chosen) => void choose(chosen)}
          clearable
          disabled={importing}
        />
        {checking !== null && (
          <Progress.Root size="lg" aria-label="Checking the bundle">
            <Progress.Section value={checking}>
              <Progress.Label>Checking the bundle</Progress.Label>
            </Progress.Section>
          </Progress.Root>
        )}
        {error && (
          <Alert color="red" role="alert" title="Not imported">
            {error}
          </Alert>
        )}
        {checked && (
          <Stack gap="xs" aria-label="Bundle contents">
            <Text fw={600}>{checked.bundle.records.disputes[0]!.title}</Text>
            <List size="sm">
              {countWords.map(([table, word]) => (
                <List.Item key={table}>
                  {counts[table] ?? 0} {word}
                </List.Item>
              ))}
              <List.Item>
                {checked.bundle.manifest.includesPrivileged
                  ? 'Includes privileged notes and documents'
                  : 'Without privileged notes and documents'}
              </List.Item>
            </List>
            {checked.alreadyOnFile && (
              <Alert color="yellow" title="This dispute is already in your case files">
                Import it as a copy beside the one on file, or replace the one on file (its notes,
                documents and deadlines are deleted and the bundle’s take their place).
              </Alert>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {checked && !checked.alreadyOnFile && (
            <Button onClick={() => void runImport()} loading={importing}>
              Import
            </Button>
          )}
          {checked?.alreadyOnFile && (
            <>
              <Button
                color="red"
                variant="light"
                onClick={() => void runImport('replace')}
                loading={importing}
              >
                Replace
              </Button>
              <Button onClick={() => void runImport('copy')} loading={importing}>
                Import as a copy
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
