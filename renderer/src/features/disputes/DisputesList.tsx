import {
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { disputeStatus, ourRole } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import {
  filterAndSortRows,
  listDisputeRows,
  type SortDirection,
  type SortKey,
} from './dispute-queries';
import { formatTimestamp } from './labels';
import { NewDisputeModal } from './NewDisputeModal';
import { StatusBadge } from './StatusBadge';

const ALL = 'all';

function SortHeader({
  label,
  column,
  sort,
  direction,
  onSort,
}: {
  label: string;
  column: SortKey;
  sort: SortKey;
  direction: SortDirection;
  onSort: (column: SortKey) => void;
}) {
  const active = sort === column;
  return (
    <Table.Th aria-sort={active ? direction : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fw={600}>
        {label}
        {active ? (direction === 'ascending' ? ' ▲' : ' ▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

export function DisputesList() {
  const rows = useLiveQuery(() => listDisputeRows(db));
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>('updatedAt');
  const [direction, setDirection] = useState<SortDirection>('descending');
  const [creating, setCreating] = useState(false);

  const visible = useMemo(
    () => (rows ? filterAndSortRows(rows, { text, status, sort, direction }) : undefined),
    [rows, text, status, sort, direction],
  );

  function onSort(column: SortKey) {
    if (column === sort) setDirection(direction === 'ascending' ? 'descending' : 'ascending');
    else {
      setSort(column);
      setDirection(column === 'updatedAt' || column === 'patents' ? 'descending' : 'ascending');
    }
  }

  const header = { sort, direction, onSort };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Disputes</Title>
        <Button onClick={() => setCreating(true)}>New dispute</Button>
      </Group>
      <Group align="end">
        <TextInput
          label="Search disputes"
          placeholder="Title, party, forum, tag…"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={320}
        />
        <Select
          label="Status"
          data={[{ value: ALL, label: 'All statuses' }, ...disputeStatus.options]}
          value={status ?? ALL}
          onChange={(value) => setStatus(value === ALL || value === null ? null : value)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {!visible ? (
        <Loader aria-label="Loading disputes" />
      ) : rows?.length === 0 ? (
        <Text>
          No disputes yet. Create one with “New dispute”, or open the sample case file from the
          menu.
        </Text>
      ) : (
        <div className="cf-table-scroll">
          <Table striped highlightOnHover aria-label="Disputes">
            <Table.Thead>
              <Table.Tr>
                <SortHeader label="Title" column="title" {...header} />
                <SortHeader label="Our role" column="ourRole" {...header} />
                <Table.Th>Counterparties</Table.Th>
                <SortHeader label="Status" column="status" {...header} />
                <Table.Th>Forums</Table.Th>
                <SortHeader label="Patents" column="patents" {...header} />
                <SortHeader label="Last change" column="updatedAt" {...header} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map(({ dispute, counterparties, forums, patentCount }) => (
                <Table.Tr key={dispute.id}>
                  <Table.Td>
                    <Link href={`/disputes/${dispute.id}`}>{dispute.title}</Link>
                    {dispute.matterNumber && (
                      <Text size="xs" c="dimmed">
                        {dispute.matterNumber}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{ourRole.labels[dispute.ourRole]}</Table.Td>
                  <Table.Td>{counterparties.join('; ')}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={dispute.status} />
                  </Table.Td>
                  <Table.Td>{forums.join('; ')}</Table.Td>
                  <Table.Td>{patentCount}</Table.Td>
                  <Table.Td>{formatTimestamp(dispute.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {visible.length === 0 && <Text mt="sm">No dispute matches this search.</Text>}
        </div>
      )}
      <NewDisputeModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
