/**
 * The dispute's exhibit list: number documents as exhibits (prefix and start, "CX-001"), keep
 * them in order, reorder with the Move buttons or Alt+↑ / Alt+↓ on a row, and take one off the
 * list. Numbers are derived from the order (shared/domain/exhibits.ts); the list prints from the
 * print dialog ("Exhibit list").
 */
import {
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { DEFAULT_EXHIBIT_SCHEME, moved, numberExhibits } from '../../../../shared/domain/exhibits';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import type { CaseDocument, Dispute } from '../../../../shared/domain/schemas';
import { db } from '../../db/db';
import { setExhibitOrder, setExhibitScheme } from '../../db/repos/exhibit-repo';
import { notifyError } from '../../ui/notify';

export function ExhibitsPanel({
  dispute,
  documents,
}: {
  dispute: Dispute;
  documents: CaseDocument[];
}) {
  const scheme = dispute.exhibitScheme ?? DEFAULT_EXHIBIT_SCHEME;
  const exhibits = numberExhibits(documents, scheme);
  const others = documents.filter((d) => d.exhibitOrder === undefined);
  const [adding, setAdding] = useState<string | null>(null);
  // Mantine keeps a closed Select's options in the page: a thousand filings' worth slowed the
  // Documents tab's first drawing, so the options are given while the list is open (and the chosen
  // one, for the input to show it).
  const [choosing, setChoosing] = useState(false);
  const [prefix, setPrefix] = useState(scheme.prefix);
  const [start, setStart] = useState<number>(scheme.start);
  const ids = exhibits.map((e) => e.document.id);

  const save = (next: string[]) =>
    setExhibitOrder(db, dispute.id, next).catch((error: unknown) =>
      notifyError('The exhibit list was not changed', (error as Error).message),
    );
  const move = (index: number, by: number) => void save(moved(ids, index, by));

  return (
    <Stack component="section" aria-labelledby="exhibits-heading" gap="xs">
      <Title order={3} id="exhibits-heading">
        Exhibits
      </Title>
      <Group align="end" wrap="wrap">
        <TextInput
          label="Exhibit prefix"
          value={prefix}
          onChange={(event) => setPrefix(event.currentTarget.value)}
          w={120}
        />
        <NumberInput
          label="First number"
          value={start}
          min={0}
          max={99999}
          allowDecimal={false}
          onChange={(value) => setStart(typeof value === 'number' ? value : 1)}
          w={120}
        />
        <Button
          variant="default"
          onClick={() =>
            void setExhibitScheme(db, dispute.id, { prefix, start }).catch((error: unknown) =>
              notifyError('The numbering was not saved', (error as Error).message),
            )
          }
        >
          Save numbering
        </Button>
        <Select
          label="Add a document as exhibit"
          placeholder="Choose a document"
          data={others
            .filter((d) => choosing || d.id === adding)
            .map((d) => ({ value: d.id, label: d.title }))}
          value={adding}
          onChange={setAdding}
          onDropdownOpen={() => setChoosing(true)}
          onDropdownClose={() => setChoosing(false)}
          searchable
          // A busy dispute holds a thousand filings: the list draws the first ones, typing finds
          // the rest (every option drawn slowed opening the Documents tab).
          limit={100}
          w={280}
        />
        <Button
          disabled={!adding}
          onClick={() => {
            if (!adding) return;
            void save([...ids, adding]);
            setAdding(null);
          }}
        >
          Add exhibit
        </Button>
      </Group>
      {exhibits.length === 0 ? (
        <Text size="sm">No exhibits yet. Add documents to number them as exhibits.</Text>
      ) : (
        <div className="cf-table-scroll">
          <Table aria-label="Exhibit list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Exhibit</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Filed by</Table.Th>
                <Table.Th>Pages</Table.Th>
                <Table.Th>Order</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exhibits.map(({ document, label }, index) => (
                <Table.Tr
                  key={document.id}
                  tabIndex={0}
                  aria-label={`${label} ${document.title}`}
                  onKeyDown={(event) => {
                    if (!event.altKey) return;
                    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
                      event.preventDefault();
                      move(index, event.key === 'ArrowUp' ? -1 : 1);
                    }
                  }}
                >
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>{document.title}</Table.Td>
                  <Table.Td>{formatPartialDate(document.filedOn)}</Table.Td>
                  <Table.Td>{document.filedBy}</Table.Td>
                  <Table.Td>{document.pageCount ?? ''}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={index === 0}
                        aria-label={`Move ${label} up`}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={index === exhibits.length - 1}
                        aria-label={`Move ${label} down`}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={`Remove ${label} from the exhibits`}
                        onClick={() => void save(ids.filter((id) => id !== document.id))}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
