/**
 * "Import case bundle…": pick a `.casefile` file; it is read and checked whole (with progress)
 * before anything is written. A bundle that fails any check is refused with the reason and the
 * case files stay as they were. If its dispute is already on file, the person chooses "Import as
 * a copy" or "Update from bundle" (told first what it will add, change and keep; it deletes
 * nothing and backs up first); the import itself is one transaction. The bundle is read, checked
 * and written by the archive worker (workers/archive-reader.ts): only its outline and the
 * progress reach this window.
 */
import { Alert, Button, FileInput, Group, List, Modal, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { WRONG_PASSPHRASE_MESSAGE } from '../../../../shared/archive/encryption';
import { db } from '../../db/db';
import { notifyDone, notifyRepairs } from '../../ui/notify';
import { BUNDLE_EXTENSION } from './export-bundle';
import { runBackupAsking } from '../backups/backup-runner';
import type { ImportChoice, UpdatePlan, VerifiedBundle } from './import-bundle';
import { archiveReader } from '../../workers/archive-reader';
import { PASSPHRASE_NEEDED } from '../../workers/archive-protocol';
import { PassphraseModal } from '../../ui/PassphraseModal';

const planWords: Record<keyof UpdatePlan, string> = {
  disputeParties: 'party links',
  proceedings: 'proceedings',
  assertions: 'patent assertions',
  documents: 'documents',
  notes: 'notes',
  deadlines: 'deadlines',
};

/** "2 notes, 1 deadline" for one column of the plan; empty kinds are left out. */
function planLine(plan: UpdatePlan, column: 'added' | 'changed' | 'kept'): string {
  const parts = (Object.keys(planWords) as (keyof UpdatePlan)[])
    .filter((table) => plan[table][column] > 0)
    .map((table) => `${plan[table][column]} ${planWords[table]}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

const countWords: [string, string][] = [
  ['proceedings', 'proceedings'],
  ['patents', 'patents'],
  ['documents', 'documents'],
  ['notes', 'notes'],
  ['deadlines', 'deadlines'],
];

const percent = (p: { done: number; total: number }) =>
  Math.round((p.done / Math.max(1, p.total)) * 100);

export type ImportBundleDialogProps = {
  opened: boolean;
  onClose: () => void;
  /** A bundle opened with Casefile (double-click): checked at once, as if chosen here. */
  file?: File | null;
};

export function ImportBundleDialog({ opened, onClose, file: openedFile }: ImportBundleDialogProps) {
  const [, navigate] = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const [checked, setChecked] = useState<VerifiedBundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Percent written while importing, else null. */
  const [importing, setImporting] = useState<number | null>(null);
  /** An encrypted bundle waiting for its passphrase. */
  const [locked, setLocked] = useState<File | null>(null);

  /** The bundle checked before, kept in the worker until let go. */
  function forget() {
    checked?.release();
    setChecked(null);
  }

  function close() {
    setFile(null);
    forget();
    setError(null);
    setChecking(null);
    onClose();
  }

  useEffect(() => {
    if (opened && openedFile) void choose(openedFile);
    // Only a newly opened file starts a check; `choose` is the same function in effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, openedFile]);

  /**
   * Checks the chosen file; resolves to the refusal's reason when a passphrase was given and did
   * not open it, so the passphrase modal can show it and stay open.
   */
  async function check(chosen: File, passphrase?: string): Promise<string | null> {
    setChecking(0);
    try {
      const bundle = await archiveReader().openBundle(chosen, db.name, {
        passphrase,
        onProgress: (p) => setChecking(percent(p)),
      });
      setChecked(bundle);
      setLocked(null);
      return null;
    } catch (caught) {
      const message = (caught as Error).message;
      if (passphrase === undefined && message === PASSPHRASE_NEEDED) {
        setLocked(chosen);
        return null;
      }
      if (passphrase !== undefined && message === WRONG_PASSPHRASE_MESSAGE) return message;
      setLocked(null);
      setError(`“${chosen.name}” cannot be imported. ${message}`);
      return null;
    } finally {
      setChecking(null);
    }
  }

  async function choose(chosen: File | null) {
    setFile(chosen);
    forget();
    setError(null);
    setLocked(null);
    if (chosen) await check(chosen);
  }

  async function runImport(choice?: ImportChoice) {
    if (!checked) return;
    setImporting(0);
    try {
      // An update changes records in place: keep what was there in a backup first, as a restore does.
      const safety = choice === 'update' ? await runBackupAsking('before-import') : null;
      if (choice === 'update' && !safety) {
        throw new Error('no backup was made first (no passphrase was given). Nothing was changed.');
      }
      const result = await checked.import(choice, {
        onProgress: (p) => setImporting(percent(p)),
      });
      notifyDone(
        'Case bundle imported',
        result.mode === 'update' && checked.plan
          ? `“${result.title}” was updated from the bundle: added ${planLine(checked.plan, 'added')}; changed ${planLine(checked.plan, 'changed')}; kept ${planLine(checked.plan, 'kept')}. What was there before is in ${safety?.name ?? 'a backup'}.`
          : `“${result.title}” is now in your case files.`,
      );
      if (result.repairs.length > 0) notifyRepairs(result.repairs);
      close();
      navigate(`/disputes/${result.disputeId}`);
    } catch (caught) {
      setError(`The bundle was not imported: ${(caught as Error).message}`);
    } finally {
      setImporting(null);
    }
  }

  const counts = checked?.manifest.counts ?? {};
  return (
    <>
      {locked && (
        <PassphraseModal
          what={`“${locked.name}”`}
          onSubmit={(passphrase) => check(locked, passphrase)}
          onCancel={() => {
            setLocked(null);
            setError(
              `“${locked.name}” was not opened: it is encrypted and no passphrase was given. Nothing was changed.`,
            );
          }}
        />
      )}
      <Modal opened={opened && !locked} onClose={close} title="Import case bundle" centered>
        <Stack>
          <FileInput
            label="Case bundle file"
            description={`A .${BUNDLE_EXTENSION} file exported from Casefile.`}
            placeholder="Choose a file"
            accept={`.${BUNDLE_EXTENSION},application/zip`}
            value={file}
            onChange={(chosen) => void choose(chosen)}
            clearable
            disabled={importing !== null}
          />
          {checking !== null && (
            <Progress.Root size="lg" aria-label="Checking the bundle">
              <Progress.Section value={checking}>
                <Progress.Label>Checking the bundle</Progress.Label>
              </Progress.Section>
            </Progress.Root>
          )}
          {importing !== null && (
            <Progress.Root size="lg" aria-label="Importing the bundle">
              <Progress.Section value={importing}>
                <Progress.Label>Importing</Progress.Label>
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
              <Text fw={600}>{checked.dispute.title}</Text>
              <List size="sm">
                {countWords.map(([table, word]) => (
                  <List.Item key={table}>
                    {counts[table] ?? 0} {word}
                  </List.Item>
                ))}
                <List.Item>
                  {checked.manifest.includesPrivileged
                    ? 'Includes privileged notes and documents'
                    : 'Without privileged notes and documents'}
                </List.Item>
              </List>
              {checked.alreadyOnFile && checked.plan && (
                <Alert color="yellow" title="This dispute is already in your case files">
                  Import it as a copy beside the one on file, or update the one on file from the
                  bundle. An update (after a backup of your case files):
                  <List size="sm" aria-label="What the update will do">
                    <List.Item>adds {planLine(checked.plan, 'added')}</List.Item>
                    <List.Item>changes {planLine(checked.plan, 'changed')}</List.Item>
                    <List.Item>
                      keeps {planLine(checked.plan, 'kept')} that the bundle does not carry
                    </List.Item>
                  </List>
                  Nothing on file is deleted.
                </Alert>
              )}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            {checked && !checked.alreadyOnFile && (
              <Button onClick={() => void runImport()} loading={importing !== null}>
                Import
              </Button>
            )}
            {checked?.alreadyOnFile && (
              <>
                <Button
                  variant="light"
                  onClick={() => void runImport('update')}
                  loading={importing !== null}
                >
                  Update from bundle
                </Button>
                <Button onClick={() => void runImport('copy')} loading={importing !== null}>
                  Import as a copy
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
