import { Anchor, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { organisationMatchKey } from '../../../../shared/domain/organisation-key';
import type { Organisation } from '../../../../shared/domain/schemas';
import { ourRole, partyRole } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { StatusBadge } from '../disputes/StatusBadge';
import { ExportTableButtons } from '../exports/ExportTableButtons';
import { VirtualList } from '../../ui/VirtualList';
import './organisations.css';
import { AliasesModal } from './AliasesModal';
import { MergeOrganisationModal } from './MergeOrganisationModal';
import { NameCheck } from './NameCheck';
import { organisationExportRows, organisationsTable } from './organisation-export';
import { countOf, listOrganisations, organisationSummary } from './organisation-queries';

const FIRST_LINKS = 8;
const MORE_LINKS = 100;

function matches(organisation: Organisation, text: string, key: string): boolean {
  return (
    organisation.nameKey.includes(text) ||
    (key !== '' && organisation.matchKeys.some((k) => k.includes(key)))
  );
}

function OrganisationItem({
  organisation,
  onMerge,
  onEditAliases,
}: {
  organisation: Organisation;
  onMerge: (organisation: Organisation) => void;
  onEditAliases: (organisation: Organisation) => void;
}) {
  const headingId = `organisation-${organisation.id}`;
  // Our own company can be in every dispute: draw the first few, more on request.
  const [shown, setShown] = useState(FIRST_LINKS);
  const summary = useLiveQuery(
    () => organisationSummary(db, organisation, shown),
    [organisation, shown],
  );
  const links = summary?.links ?? [];
  const counsel = summary?.counsel ?? [];
  const total = summary?.total ?? 0;
  return (
    <article aria-labelledby={headingId} className="cf-organisation">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {organisation.name}
          </Title>
          {organisation.aliases.length > 0 && (
            <Text size="sm">Also known as: {organisation.aliases.join(' · ')}</Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => onEditAliases(organisation)}
            aria-label={`Edit aliases of ${organisation.name}`}
          >
            Aliases…
          </Button>
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => onMerge(organisation)}
            aria-label={`Merge ${organisation.name} into another organisation`}
          >
            Merge…
          </Button>
        </Group>
      </Group>
      {!summary ? (
        <Loader size="xs" aria-label={`Loading the disputes of ${organisation.name}`} />
      ) : links.length === 0 ? (
        <Text size="sm">In no dispute.</Text>
      ) : (
        <table className="cf-organisation-disputes" aria-label={`Disputes of ${organisation.name}`}>
          <thead>
            <tr>
              <th scope="col">Dispute</th>
              <th scope="col">Our role</th>
              <th scope="col">Its role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {links.map(({ party, dispute }) => (
              <tr key={party.id}>
                <td>
                  <Anchor component={Link} href={`/disputes/${dispute.id}/parties`}>
                    {dispute.title}
                  </Anchor>
                </td>
                <td>{ourRole.labels[dispute.ourRole]}</td>
                <td>
                  {partyRole.labels[party.role]}
                  {party.ourSide ? ' (our side)' : ' (counterparty)'}
                </td>
                <td>
                  <StatusBadge status={dispute.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > shown && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setShown(shown + MORE_LINKS)}
          aria-label={`Show more disputes of ${organisation.name}`}
        >
          Show {Math.min(MORE_LINKS, links.length - shown)} more of{' '}
          {countOf(links.length, 'dispute')}
        </Button>
      )}
      {counsel.length > 0 && <Text size="sm">Outside counsel: {counsel.join('; ')}</Text>}
    </article>
  );
}

/**
 * Every organisation with its disputes, counsel and aliases. The list is virtualised (only the
 * rows in view are drawn) and the filter runs on a deferred value, so typing stays responsive with
 * thousands of organisations.
 */
export function OrganisationsPage() {
  const rows = useLiveQuery(() => listOrganisations(db));
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const [merging, setMerging] = useState<Organisation | null>(null);
  const [editingAliasesOf, setEditingAliasesOf] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => {
    if (!rows) return undefined;
    const needle = deferred.trim().toLocaleLowerCase('en');
    if (!needle) return rows;
    const key = organisationMatchKey(needle);
    return rows.filter((organisation) => matches(organisation, needle, key));
  }, [rows, deferred]);

  // oxlint-disable-next-line react/incompatible-library -- no React Compiler here; the virtualiser re-renders the list itself
  const virtualizer = useVirtualizer({
    count: visible?.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => visible?.[index]?.id ?? index,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Organisations</Title>
        {visible && rows && (
          <ExportTableButtons
            table={async () =>
              organisationsTable(
                await organisationExportRows(db, visible),
                visible.length !== rows.length,
              )
            }
            what="The organisations listed"
          />
        )}
      </Group>
      <NameCheck />
      <Group align="end">
        <TextInput
          label="Filter organisations"
          placeholder="Name or alias"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={320}
        />
        {visible && rows && (
          <Text size="sm" component="output">
            {visible.length === rows.length
              ? countOf(rows.length, 'organisation')
              : `${visible.length} of ${countOf(rows.length, 'organisation')}`}
          </Text>
        )}
      </Group>
      {!visible ? (
        <Loader aria-label="Loading organisations" />
      ) : visible.length === 0 ? (
        <Text>
          {rows?.length === 0
            ? 'No organisations yet. They are added as parties to disputes.'
            : 'No organisation matches this filter.'}
        </Text>
      ) : (
        <VirtualList label="Organisations list" scrollRef={scrollRef} virtualizer={virtualizer}>
          {(index) => (
            <OrganisationItem
              organisation={visible[index]!}
              onMerge={setMerging}
              onEditAliases={(o) => setEditingAliasesOf(o.id)}
            />
          )}
        </VirtualList>
      )}
      <AliasesModal
        organisation={
          editingAliasesOf === null ? undefined : rows?.find((o) => o.id === editingAliasesOf)
        }
        onClose={() => setEditingAliasesOf(null)}
      />
      <MergeOrganisationModal
        merging={merging}
        organisations={rows ?? []}
        onClose={() => setMerging(null)}
      />
    </Stack>
  );
}
