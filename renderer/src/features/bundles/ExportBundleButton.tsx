/**
 * "Export case bundle…" on the dispute page: one choice (whether privileged notes and documents
 * go in, off every time the dialog opens, since a bundle is usually meant for someone outside),
 * then the host asks where to save it and the bundle streams there with its progress shown.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { passphraseProblem } from '../../../../shared/archive/passphrase-rules';
import type { Dispute } from '../../../../shared/domain/schemas';
import { db } from '../../db/db';
import { host } from '../../host/host';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { notifyDone } from '../../ui/notify';
import { saveStreamed } from '../../host/save-streamed';
import { sealInWorker } from '../../workers/archive-sealer';
import { BUNDLE_EXTENSION, bundleFileName, streamBundle } from './export-bundle';
import { countLabel, useBundlePlan, type BundlePlan } from './use-bundle-plan';

function leftOutItems(leftOut: BundlePlan['leftOut']): string[] {
  const items: string[] = [];
  if (leftOut.notes > 0)
    items.push(countLabel(leftOut.notes, 'privileged note', 'privileged notes'));
  if (leftOut.documents > 0) {
    items.push(
      countLabel(leftOut.documents, 'privileged document', 'privileged documents') +
        ' and their files',
    );
  }
  if (leftOut.resolutionText) items.push('the outcome’s text (the dispute is privileged)');
  if (leftOut.consideration) items.push('the licence consideration (the dispute is privileged)');
  return items;
}

/** Exactly what the bundle will carry and what it leaves behind, before anything is written. */
function BundlePlanSummary({ plan }: { plan: BundlePlan | undefined }) {
  if (!plan) return <Text size="sm">Counting what goes…</Text>;
  const leftOut = leftOutItems(plan.leftOut);
  return (
    <Stack gap="xs">
      <Title order={3} size="sm" id="bundle-goes">
        What goes
      </Title>
      <List size="sm" aria-labelledby="bundle-goes">
        {plan.goes.map((item) => (
          <List.Item key={item.label}>{item.label}</List.Item>
        ))}
      </List>
      <Title order={3} size="sm" id="bundle-left-out">
        What stays behind
      </Title>
      {leftOut.length > 0 ? (
        <List size="sm" aria-labelledby="bundle-left-out">
          {leftOut.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">Nothing: the whole dispute goes.</Text>
      )}
      <Text size="xs" c="dimmed">
        The change history never travels: it quotes old values, which could reveal what was left
        out.
      </Text>
    </Stack>
  );
}

export function ExportBundleButton({ dispute }: { dispute: Dispute }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        Export case bundle…
      </Button>
      {opened && <ExportBundleDialog dispute={dispute} onClose={() => setOpened(false)} />}
    </>
  );
}

type ExportProgress = { done: number; total: number; phase: string };

export function ExportBundleDialog({
  dispute,
  onClose,
}: {
  dispute: Dispute;
  onClose: () => void;
}) {
  const [includePrivileged, setIncludePrivileged] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const plan = useBundlePlan(dispute.id, includePrivileged);

  async function run() {
    setError(null);
    const problem = encrypt ? passphraseProblem(passphrase, confirmation) : null;
    setPassphraseError(problem);
    if (problem) return;
    setProgress({ done: 0, total: 1, phase: 'Choosing where to save' });
    try {
      const { version } = await host.getAppInfo({});
      const saved = await saveStreamed(
        {
          suggestedName: bundleFileName(dispute.title),
          filters: [{ name: 'Casefile case bundle', extensions: [BUNDLE_EXTENSION] }],
        },
        async (write) => {
          setProgress({ done: 0, total: 1, phase: 'Collecting the dispute' });
          await streamBundle(
            db,
            dispute.id,
            {
              includePrivileged,
              appVersion: version,
              onProgress: setProgress,
              passphrase: encrypt ? passphrase : undefined,
              seal: sealInWorker,
            },
            write,
          );
        },
      );
      if (saved.saved) {
        notifyDone('Case bundle exported', `“${dispute.title}” was saved as ${saved.path}.`);
        onClose();
      } else {
        setProgress(null);
      }
    } catch (caught) {
      setProgress(null);
      setError(
        `The case bundle was not exported: ${(caught as Error).message} Your case files are unchanged.`,
      );
    }
  }

  const busy = progress !== null;
  const percent = progress ? Math.round((progress.done / Math.max(1, progress.total)) * 100) : 0;
  return (
    <Modal opened onClose={onClose} title="Export case bundle" centered>
      <Stack>
        <Text size="sm">
          A case bundle is one file holding “{dispute.title}”: its parties, proceedings, patents,
          documents with their files, notes and deadlines, to hand to outside counsel or a colleague
          who imports it into their own Casefile.
        </Text>
        <Checkbox
          label="Include privileged notes and documents"
          description="Attorney–client and work-product material, and a privileged dispute’s outcome text and consideration; leave this off for anyone outside the privilege."
          checked={includePrivileged}
          onChange={(event) => setIncludePrivileged(event.currentTarget.checked)}
          disabled={busy}
        />
        <Checkbox
          label="Encrypt with a passphrase"
          description="Only someone with the passphrase can open the bundle; send the passphrase another way than the file."
          checked={encrypt}
          onChange={(event) => setEncrypt(event.currentTarget.checked)}
          disabled={busy}
        />
        {encrypt && (
          <Stack gap="xs">
            <NewPassphraseFields
              passphrase={passphrase}
              confirmation={confirmation}
              onPassphrase={setPassphrase}
              onConfirmation={setConfirmation}
              error={passphraseError}
              disabled={busy}
            />
            <Alert color="yellow" title="Keep the passphrase safe">
              A lost passphrase cannot be recovered: without it nobody, Casefile included, can open
              this bundle.
            </Alert>
          </Stack>
        )}
        <BundlePlanSummary plan={plan} />
        {progress && (
          <Progress.Root size="lg" aria-label="Export progress">
            <Progress.Section value={percent} aria-label={progress.phase}>
              <Progress.Label>{progress.phase}</Progress.Label>
            </Progress.Section>
          </Progress.Root>
        )}
        {error && (
          <Alert color="red" role="alert" title="Not exported">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void run()} loading={busy}>
            Export
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
