import { Anchor, Badge, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { jurisdictionName } from '../../../../shared/domain/jurisdiction';
import { assertionStatus, proceedingKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { VirtualList } from '../../ui/VirtualList';
import { forumLabel } from '../disputes/dispute-queries';
import { ExportTableButtons } from '../exports/ExportTableButtons';
import { patentsTable } from '../exports/patents-table';
import { countOf } from '../organisations/organisation-queries';
import type { Patent } from '../../../../shared/domain/schemas';
import {
  filterPatents,
  groupByFamily,
  joinPatentRows,
  listPatentFacts,
  listFirstPatents,
  listPatents,
  needsFacts,
  noFilters,
  ownerSideLabels,
  type OwnerSide,
  type PatentFilters,
  type PatentListItem,
  type PatentRow,
} from './patent-queries';
import './patents.css';
import { UpgradeReport } from './UpgradeReport';

const ALL = 'all';
/** Enough patents to fill a tall window before the whole list is read. */
const FIRST_PAGE = 30;
const noOwners = new Map<string, string>();

function FilterSelect({
  label,
  data,
  value,
  onChange,
}: {
  label: string;
  data: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <Select
      label={label}
      data={[{ value: ALL, label: 'All' }, ...data]}
      value={value ?? ALL}
      onChange={(next) => onChange(next === ALL ? null : next)}
      allowDeselect={false}
      searchable={data.length > 10}
      w={190}
    />
  );
}

function NotGiven({ children = 'Not given' }: { children?: string }) {
  return (
    <Text span c="dimmed" fs="italic" size="sm">
      {children}
    </Text>
  );
}

/** One patent; its assertions and owner side come with `row`, joined once it scrolls into view. */
function PatentItem({
  patent,
  ownerName,
  row,
}: {
  patent: Patent;
  ownerName: string;
  row: PatentRow | undefined;
}) {
  const name = patent.number || patent.title || patent.technology;
  const headingId = `patent-${patent.id}`;
  return (
    <article aria-labelledby={headingId} className="cf-patent">
      <Group gap="xs" align="baseline" wrap="wrap">
        <Title order={3} size="h5" id={headingId} className="cf-patent-number">
          {name}
        </Title>
        {patent.number && patent.title && <Text size="sm">{patent.title}</Text>}
        {patent.sep && (
          <Badge
            variant="outline"
            color="gray"
            styles={{ label: { color: 'var(--mantine-color-text)' } }}
          >
            SEP
          </Badge>
        )}
      </Group>
      <dl className="cf-patent-facts">
        <div>
          <dt>Owner</dt>
          <dd>
            {ownerName ? (
              row ? (
                `${ownerName} (${ownerSideLabels[row.ownerSide].toLowerCase()})`
              ) : (
                ownerName
              )
            ) : (
              <NotGiven />
            )}
          </dd>
        </div>
        <div>
          <dt>Jurisdiction</dt>
          <dd>{patent.jurisdiction ? jurisdictionName(patent.jurisdiction) : <NotGiven />}</dd>
        </div>
        <div>
          <dt>Family</dt>
          <dd>{patent.family || <NotGiven />}</dd>
        </div>
        <div>
          <dt>Technology</dt>
          <dd>{patent.technology || <NotGiven />}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>{patent.expiresOn || <NotGiven />}</dd>
        </div>
      </dl>
      {!row ? (
        <Text size="sm" c="dimmed">
          Reading its assertions…
        </Text>
      ) : row.assertions.length === 0 ? (
        <Text size="sm">Not asserted in any dispute.</Text>
      ) : (
        <div className="cf-table-scroll">
          <table className="cf-patent-assertions" aria-label={`Assertions of ${name}`}>
            <thead>
              <tr>
                <th scope="col">Dispute</th>
                <th scope="col">Proceeding and forum</th>
                <th scope="col">Claims</th>
                <th scope="col">How it fared</th>
                <th scope="col">Filed</th>
                <th scope="col">Closed</th>
              </tr>
            </thead>
            <tbody>
              {row.assertions.map(({ assertion, dispute, proceeding }) => (
                <tr key={assertion.id}>
                  <td>
                    {dispute ? (
                      <Anchor component={Link} href={`/disputes/${dispute.id}/patents`}>
                        {dispute.title}
                      </Anchor>
                    ) : (
                      <NotGiven>Dispute deleted</NotGiven>
                    )}
                  </td>
                  <td>
                    {proceeding ? (
                      <>
                        {proceedingKind.labels[proceeding.kind]}, {forumLabel(proceeding)}
                        {proceeding.caseNumber && (
                          <span className="cf-nowrap">, {proceeding.caseNumber}</span>
                        )}
                      </>
                    ) : (
                      <NotGiven />
                    )}
                  </td>
                  <td className="cf-nowrap">
                    {assertion.claims || <NotGiven>Not known</NotGiven>}
                  </td>
                  <td>{assertionStatus.labels[assertion.status]}</td>
                  <td className="cf-nowrap">{proceeding?.filedOn || <NotGiven />}</td>
                  <td className="cf-nowrap">{proceeding?.closedOn || <NotGiven>Open</NotGiven>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

function ListItem({
  item,
  ownerNames,
  rows,
}: {
  item: PatentListItem;
  ownerNames: Map<string, string>;
  rows: Map<string, PatentRow>;
}) {
  if (item.kind === 'family') {
    return (
      <Title order={2} size="h4" className="cf-patent-family">
        Family {item.family} · {countOf(item.count, 'patent')}
      </Title>
    );
  }
  return (
    <div className={item.inFamily ? 'cf-patent-member' : undefined}>
      <PatentItem
        patent={item.patent}
        ownerName={
          item.patent.ownerId
            ? (ownerNames.get(item.patent.ownerId) ?? rows.get(item.patent.id)?.ownerName ?? '')
            : ''
        }
        row={rows.get(item.patent.id)}
      />
    </div>
  );
}

/**
 * The joined rows of the patents in view, kept across scrolls so a row read once draws at once
 * when it comes back (and is read again, live, while in view).
 */
function useRowsInView(patents: Patent[]): Map<string, PatentRow> {
  const key = patents.map((p) => `${p.id} ${p.ownerId ?? ''}`).join(',');
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `patents`
  const fresh = useLiveQuery(() => joinPatentRows(db, patents), [key]);
  const cache = useRef(new Map<string, PatentRow>());
  return useMemo(() => {
    const next = new Map(cache.current);
    for (const row of fresh ?? []) next.set(row.patent.id, row);
    cache.current = next;
    return next;
  }, [fresh]);
}

/**
 * Every patent once, with every assertion of it across disputes. The page reads the patents
 * alone to draw, joins assertions only for the rows in view, and reads every patent's owner side
 * and statuses only once those filters are chosen. Filters run on a deferred copy of what was
 * chosen or typed, and only the rows in view are drawn, so the page stays quick with tens of
 * thousands of patents.
 */
export function PatentsPage() {
  // The first screenful is read through the indexes and drawn; every patent is read after it.
  const head = useLiveQuery(() => listFirstPatents(db, FIRST_PAGE));
  // Every patent is read once the first rows are drawn with their assertions (or a filter is
  // chosen), so that large read does not hold up the few joins the first screen needs.
  const [firstDrawn, setFirstDrawn] = useState(false);
  const listed = useLiveQuery(() => (firstDrawn ? listPatents(db) : undefined), [firstDrawn]);
  const rows = listed?.patents;
  const [filters, setFilters] = useState<PatentFilters>(noFilters);
  const deferred = useDeferredValue(filters);
  const scrollRef = useRef<HTMLDivElement>(null);
  const set =
    <K extends keyof PatentFilters>(key: K) =>
    (value: PatentFilters[K]) =>
      setFilters((current) => ({ ...current, [key]: value }));

  const choices = useMemo(() => {
    const jurisdictions = new Set<string>();
    const technologies = new Set<string>();
    for (const patent of rows ?? []) {
      if (patent.jurisdiction) jurisdictions.add(patent.jurisdiction);
      if (patent.technology) technologies.add(patent.technology);
    }
    return {
      jurisdictions: [...jurisdictions]
        .map((code) => ({ value: code, label: jurisdictionName(code) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
      technologies: [...technologies]
        .sort((a, b) => a.localeCompare(b))
        .map((t) => ({ value: t, label: t })),
    };
  }, [rows]);

  const wantsFacts = needsFacts(deferred);
  const facts = useLiveQuery(() => (wantsFacts ? listPatentFacts(db) : undefined), [wantsFacts]);
  const visible = useMemo(
    () => (listed ? filterPatents(listed.patents, deferred, listed.ownerNames, facts) : undefined),
    [listed, deferred, facts],
  );
  const unfiltered =
    !deferred.text.trim() && Object.values({ ...deferred, text: null }).every((v) => v === null);
  const shown = visible ?? (unfiltered && head?.length ? head : undefined);
  const items = useMemo(() => (shown ? groupByFamily(shown) : []), [shown]);

  // oxlint-disable-next-line react/incompatible-library -- no React Compiler here; the virtualiser re-renders the list itself
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'family' ? 40 : 180),
    overscan: 6,
    getItemKey: (index) => {
      const item = items[index]!;
      return item.kind === 'family' ? `family ${item.family}` : item.patent.id;
    },
  });
  const virtualItems = virtualizer.getVirtualItems();
  const inView = virtualItems.flatMap((v) => {
    const item = items[v.index];
    return item?.kind === 'patent' ? [item.patent] : [];
  });
  const joined = useRowsInView(inView);
  const headDrawn = head !== undefined && (head.length === 0 || joined.size > 0 || !unfiltered);
  useEffect(() => {
    if (headDrawn) setFirstDrawn(true);
  }, [headDrawn]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Patents</Title>
        {visible && rows && (
          <ExportTableButtons
            table={async () =>
              // Every listed patent joined with its assertions, read only when asked for.
              patentsTable(await joinPatentRows(db, visible), visible.length !== rows.length)
            }
            what="The patents listed"
          />
        )}
      </Group>
      <UpgradeReport />
      <Group align="end" wrap="wrap">
        <TextInput
          label="Search patents"
          placeholder="Number, title, owner…"
          value={filters.text}
          onChange={(event) => set('text')(event.currentTarget.value)}
          w={260}
        />
        <FilterSelect
          label="Owner"
          data={(Object.keys(ownerSideLabels) as OwnerSide[]).map((side) => ({
            value: side,
            label: ownerSideLabels[side],
          }))}
          value={filters.owner}
          onChange={(value) => set('owner')(value as OwnerSide | null)}
        />
        <FilterSelect
          label="Jurisdiction"
          data={choices.jurisdictions}
          value={filters.jurisdiction}
          onChange={set('jurisdiction')}
        />
        <FilterSelect
          label="Technology"
          data={choices.technologies}
          value={filters.technology}
          onChange={set('technology')}
        />
        <FilterSelect
          label="SEP"
          data={[
            { value: 'sep', label: 'SEPs only' },
            { value: 'not-sep', label: 'Not SEPs' },
          ]}
          value={filters.sep}
          onChange={(value) => set('sep')(value as PatentFilters['sep'])}
        />
        <FilterSelect
          label="How it fared"
          data={assertionStatus.options}
          value={filters.status}
          onChange={set('status')}
        />
      </Group>
      {visible && rows && (
        <Text size="sm" component="output">
          {visible.length === rows.length
            ? countOf(rows.length, 'patent')
            : `${visible.length} of ${countOf(rows.length, 'patent')}`}
        </Text>
      )}
      {!shown ? (
        <Loader aria-label={rows ? 'Reading assertions for this filter' : 'Loading patents'} />
      ) : shown.length === 0 ? (
        <Text>
          {rows?.length === 0
            ? 'No patents yet. They are added to disputes on their Patents tab.'
            : 'No patent matches these filters.'}
        </Text>
      ) : (
        <VirtualList label="Patents list" scrollRef={scrollRef} virtualizer={virtualizer}>
          {(index) => (
            <ListItem
              item={items[index]!}
              ownerNames={listed?.ownerNames ?? noOwners}
              rows={joined}
            />
          )}
        </VirtualList>
      )}
    </Stack>
  );
}
