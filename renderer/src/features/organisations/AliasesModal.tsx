import { ActionIcon, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Organisation } from '../../../../shared/domain/schemas';
import { ValidationError } from '../../../../shared/validation';
import { db } from '../../db/db';
import { addOrganisationAlias, removeOrganisationAlias } from '../../db/repos/organisation-repo';

type Props = {
  /** The organisation whose aliases are edited (kept current by the page's live query). */
  organisation: Organisation | undefined;
  onClose: () => void;
};

function messageOf(error: unknown): string {
  if (error instanceof ValidationError) {
    return error.fieldErrors.aliases ?? Object.values(error.fieldErrors)[0] ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The other names of one organisation ("Xiaomi Corp", "小米"). "Check a name" and the conflict
 * notice of a new party match them as they match the name. The rules (not empty, not its own name,
 * not another organisation's name or alias) are shared/domain/organisation-aliases.ts, applied
 * by the repository; the message is shown by the field. A removal can be undone here.
 */
export function AliasesModal({ organisation, onClose }: Props) {
  const [alias, setAlias] = useState('');
  const [error, setError] = useState('');
  const [removed, setRemoved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setAlias('');
    setError('');
    setRemoved(null);
    onClose();
  }

  async function run(action: () => Promise<unknown>, onDone: () => void) {
    setBusy(true);
    try {
      await action();
      setError('');
      onDone();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  if (!organisation) return null;
  const { id, name, aliases } = organisation;
  return (
    <Modal opened onClose={close} title={`Aliases of ${name}`} centered>
      <Stack>
        <Text size="sm">
          Other names this company is known by. Check a name and the conflict notice find it by any
          of them.
        </Text>
        {aliases.length === 0 ? (
          <Text size="sm">No aliases yet.</Text>
        ) : (
          <List aria-label={`Aliases of ${name}`} listStyleType="none" spacing={4}>
            {aliases.map((a) => (
              <List.Item key={a}>
                <Group gap="xs" wrap="nowrap">
                  <Text span>{a}</Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={`Remove alias ${a}`}
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => removeOrganisationAlias(db, id, a),
                        () => setRemoved(a),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {removed !== null && (
          <output>
            <Group gap="xs">
              <Text size="sm">Removed “{removed}”.</Text>
              <Button
                size="compact-sm"
                variant="light"
                aria-label={`Undo removing ${removed}`}
                disabled={busy}
                onClick={() =>
                  void run(
                    () => addOrganisationAlias(db, id, removed),
                    () => setRemoved(null),
                  )
                }
              >
                Undo
              </Button>
            </Group>
          </output>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => addOrganisationAlias(db, id, alias),
              () => {
                setAlias('');
                setRemoved(null);
              },
            );
          }}
        >
          <Group align="flex-start">
            <TextInput
              label="New alias"
              data-autofocus
              value={alias}
              onChange={(event) => {
                setAlias(event.currentTarget.value);
                setError('');
              }}
              error={error || undefined}
              maxLength={200}
              style={{ flex: 1 }}
            />
            <Button type="submit" mt={25} loading={busy}>
              Add alias
            </Button>
          </Group>
        </form>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
