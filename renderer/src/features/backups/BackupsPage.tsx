import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { BackupSummary } from '../../../../shared/backups';
import { db } from '../../db/db';
import { host, isDesktop } from '../../host/host';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { notifyDone, notifyRepairs } from '../../ui/notify';
import { reportError } from '../../ui/zod-form';
import { formatBytes } from '../../ui/format-bytes';
import { formatCounts, formatDate, formatReason } from './backup-format';
import { fetchBackup, runBackupAsking, runRestore } from './backup-runner';
import { WRONG_PASSPHRASE_MESSAGE } from '../../../../shared/archive/encryption';
import { archiveReader } from '../../workers/archive-reader';
import { PassphraseModal } from '../../ui/PassphraseModal';
import { BackupEncryptionForm } from './BackupEncryptionForm';
import {
  backupSettingsSchema,
  defaultBackupSettings,
  readBackupSettings,
  readSkippedBackup,
  saveBackupSettings,
  type BackupSettings,
} from './backup-settings';
import { ActionsHeader } from '../../ui/RowActions';

type RestoreChoice = { label: string; load: () => Promise<Blob> };

export async function backUpNow(onDone?: () => void): Promise<void> {
  try {
    const written = await runBackupAsking('manual');
    if (!written) return;
    notifyDone(
      'Backed up',
      isDesktop
        ? `Every case file is in ${written.name} (${formatBytes(written.size)}).`
        : `Every case file is in the download ${written.name} (${formatBytes(written.size)}).`,
    );
    onDone?.();
  } catch (error) {
    reportError(error, 'The backup failed');
  }
}

export function BackupsPage() {
  const [backups, setBackups] = useState<BackupSummary[] | undefined>(undefined);
  const [restoring, setRestoring] = useState<RestoreChoice | null>(null);
  /** An encrypted backup waiting for its passphrase before it is checked and restored. */
  const [locked, setLocked] = useState<{ choice: RestoreChoice; archive: Blob } | null>(null);

  const refresh = useCallback(() => {
    host
      .listBackups({})
      .then(setBackups)
      .catch((error: unknown) => {
        setBackups([]);
        reportError(error, 'The backups could not be listed');
      });
  }, []);
  useEffect(refresh, [refresh]);

  async function restore(choice: RestoreChoice): Promise<void> {
    try {
      const archive = await choice.load();
      if (await archiveReader().isEncrypted(archive)) {
        setLocked({ choice, archive });
        return;
      }
      await restoreFrom(choice, archive);
    } catch (error) {
      reportError(error, 'The backup was not restored');
    }
  }

  /** Resolves to the reason a passphrase did not open the backup, so the modal can say it. */
  async function unlock(passphrase: string): Promise<string | null> {
    if (!locked) return null;
    const problem = await restoreFrom(locked.choice, locked.archive, passphrase);
    if (problem === null) setLocked(null);
    return problem;
  }

  async function restoreFrom(
    choice: RestoreChoice,
    archive: Blob,
    passphrase?: string,
  ): Promise<string | null> {
    try {
      const { safetyBackup, repairs } = await runRestore(archive, passphrase);
      notifyDone(
        'Restored',
        `Your case files are now those of ${choice.label}. What was there before is in ${safetyBackup.name}.`,
      );
      if (repairs.length > 0) notifyRepairs(repairs);
    } catch (error) {
      if (passphrase !== undefined && (error as Error).message === WRONG_PASSPHRASE_MESSAGE) {
        return WRONG_PASSPHRASE_MESSAGE;
      }
      setLocked(null);
      reportError(error, 'The backup was not restored');
    } finally {
      refresh();
    }
    return null;
  }

  return (
    <Stack>
      <Title order={1}>Backups</Title>
      <Text c="dimmed" maw={720}>
        A backup holds every dispute, note, document and file.
        {isDesktop
          ? ' Backups are kept in the data folder’s backups folder.'
          : ' In a browser each backup is downloaded; keep the files somewhere safe.'}
      </Text>
      <Group>
        <Button onClick={() => void backUpNow(refresh)}>Back up now</Button>
        <FileButton
          accept=".zip,application/zip"
          onChange={(file) => {
            if (file) setRestoring({ label: `“${file.name}”`, load: async () => file });
          }}
        >
          {(props) => (
            <Button variant="default" {...props}>
              Restore from a file…
            </Button>
          )}
        </FileButton>
      </Group>

      {isDesktop && (
        <BackupList
          backups={backups}
          onRestore={(backup) =>
            setRestoring({
              label: `the backup of ${formatDate(backup.createdAt)}`,
              load: () => fetchBackup(backup.name, backup.size),
            })
          }
        />
      )}

      <SkippedBackupNotice />

      <BackupSettingsForm />

      <BackupEncryptionForm />

      {locked && (
        <PassphraseModal
          what={locked.choice.label}
          onSubmit={unlock}
          onCancel={() => setLocked(null)}
        />
      )}

      <ConfirmModal
        opened={restoring !== null}
        title="Restore from backup"
        confirmLabel="Replace my case files"
        onClose={() => setRestoring(null)}
        onConfirm={async () => {
          if (restoring) await restore(restoring);
        }}
      >
        Restoring replaces every case file with {restoring?.label ?? 'the backup'}. The backup is
        checked completely first, and what is there now is backed up before anything is replaced.
      </ConfirmModal>
    </Stack>
  );
}

/** The last automatic backup that could not be made encrypted, until one is made again. */
function SkippedBackupNotice() {
  const skipped = useLiveQuery(() => readSkippedBackup(db), []);
  if (!skipped) return null;
  return (
    <Alert color="yellow" title="An automatic backup was skipped" maw={720}>
      {formatDate(skipped.at)}: {skipped.reason} Enter the passphrase under “Encrypt backups” below
      (or choose “Back up now”) so backups can be made again.
    </Alert>
  );
}

function BackupList({
  backups,
  onRestore,
}: {
  backups: BackupSummary[] | undefined;
  onRestore: (backup: BackupSummary) => void;
}) {
  if (backups === undefined) return <Text>Looking for backups…</Text>;
  if (backups.length === 0) {
    return <Alert title="No backups yet">Back up now to make the first one.</Alert>;
  }
  return (
    <Table striped aria-label="Backups">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Made</Table.Th>
          <Table.Th>Why</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>Contents</Table.Th>
          <ActionsHeader />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((backup) => (
          <Table.Tr key={backup.name}>
            <Table.Td>{formatDate(backup.createdAt)}</Table.Td>
            <Table.Td>{formatReason(backup.reason)}</Table.Td>
            <Table.Td>{formatBytes(backup.size)}</Table.Td>
            <Table.Td>
              {backup.encrypted
                ? 'Encrypted (contents shown once opened with the passphrase)'
                : formatCounts(backup.counts)}
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                aria-label={`Restore the backup of ${formatDate(backup.createdAt)}`}
                onClick={() => onRestore(backup)}
              >
                Restore
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function BackupSettingsForm() {
  const stored = useLiveQuery(() => readBackupSettings(db), []);
  const form = useForm<BackupSettings>({
    mode: 'uncontrolled',
    initialValues: defaultBackupSettings,
    validate: (values) => {
      const parsed = backupSettingsSchema.safeParse(values);
      if (parsed.success) return {};
      return Object.fromEntries(
        parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
      );
    },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (stored) {
      setValues(stored);
      resetDirty(stored);
    }
  }, [stored, setValues, resetDirty]);

  return (
    <form
      aria-label="Automatic backups"
      onSubmit={form.onSubmit(async (values) => {
        try {
          await saveBackupSettings(db, values);
          notifyDone('Backup settings saved', 'Automatic backups follow your new choices.');
        } catch (error) {
          reportError(error, 'The backup settings were not saved');
        }
      })}
    >
      <Stack maw={420}>
        <Title order={2} size="h4">
          Automatic backups
        </Title>
        {!isDesktop && (
          <Text size="sm" c="dimmed">
            These apply in the desktop app; a browser backs up only when you ask.
          </Text>
        )}
        <Checkbox
          label="Back up when Casefile quits"
          key={form.key('onQuit')}
          {...form.getInputProps('onQuit', { type: 'checkbox' })}
        />
        <Checkbox
          label="Back up once a day while Casefile runs"
          key={form.key('daily')}
          {...form.getInputProps('daily', { type: 'checkbox' })}
        />
        {/* Out of range is refused with a message by the schema, never silently clamped. */}
        <NumberInput
          label="Daily backups to keep"
          description="From 1 to 365"
          min={1}
          max={365}
          clampBehavior="none"
          allowDecimal={false}
          key={form.key('keepDaily')}
          {...form.getInputProps('keepDaily')}
        />
        <NumberInput
          label="Weekly backups to keep"
          description="From 0 to 520"
          min={0}
          max={520}
          clampBehavior="none"
          allowDecimal={false}
          key={form.key('keepWeekly')}
          {...form.getInputProps('keepWeekly')}
        />
        <Group>
          <Button type="submit" variant="default">
            Save backup settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
