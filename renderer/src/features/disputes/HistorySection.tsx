import { Code, Loader, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditChange } from '../../../../shared/domain/schemas';
import { db } from '../../db/db';
import { formatTimestamp } from './labels';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function Change({ change }: { change: AuditChange }) {
  return (
    <Text size="sm">
      <strong>{change.field}</strong>: {show(change.old)} → {show(change.new)}
    </Text>
  );
}

/** The audit log of one dispute and everything in it, newest first. */
export function HistorySection({ disputeId }: { disputeId: string }) {
  const entries = useLiveQuery(
    () => db.audit.where('disputeId').equals(disputeId).reverse().sortBy('seq'),
    [disputeId],
  );
  if (!entries) return <Loader aria-label="Loading the history" />;
  return (
    <Table aria-label="History" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Change</Table.Th>
          <Table.Th>Fields (old → new)</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.seq}>
            <Table.Td>
              <Code>{formatTimestamp(entry.at)}</Code>
            </Table.Td>
            <Table.Td>{entry.summary}</Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {entry.action === 'update'
                  ? entry.changes.map((change) => <Change key={change.field} change={change} />)
                  : `${entry.changes.length} fields ${entry.action === 'create' ? 'set' : 'removed'}`}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
