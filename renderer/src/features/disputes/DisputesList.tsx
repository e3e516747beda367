/**
 * The disputes list, built for 10,000 disputes: the rows are read once per change and prepared
 * (search text folded, sort keys computed), sorting and filtering work on those prepared rows,
 * the text filter runs deferred so typing never waits for the list, and only the rows in view are
 * drawn (the table keeps its row semantics: aria-rowcount on the table, aria-rowindex per row).
 * Every filter and the sort live in the address, so a filtered list can be bookmarked, printed and
 * opened from a dashboard bar.
 */
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
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
import { Link, useLocation, useSearch } from 'wouter';
import { NO_YEAR, NO_YEAR_LABEL, outcomeGroup } from '../../../../shared/domain/portfolio-groups';
import { disputeStatus, ourRole } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { ExportTableButtons } from '../exports/ExportTableButtons';
import { PrintPortfolioButton } from '../printing/PrintPortfolioDialog';
import {
  defaultFilters,
  disputesHref,
  firstDirection,
  isFiltered,
  parseDisputeFilters,
  type DisputeFilters,
  type SortKey,
} from './dispute-filters';
import { disputeListTable } from './dispute-list-export';
import {
  listDisputeRows,
  matchesFilters,
  matchesText,
  prepareRows,
  sortRows,
  type ListRow,
} from './dispute-queries';
import { formatTimestamp } from './labels';
import { NewDisputeModal } from './NewDisputeModal';
import { StatusBadge } from './StatusBadge';

const ALL = 'all';
/** How long typing pauses before the filter text is written into the address. */
const ADDRESS_DELAY_MS = 400;
const ROW_ESTIMATE_PX = 49;

function SortHeader({
  label,
  column,
  filters,
  onSort,
  width,
}: {
  label: string;
  column: SortKey;
  filters: DisputeFilters;
  onSort: (column: SortKey) => void;
  width: string;
}) {
  const active = filters.sort === column;
  return (
    <Table.Th aria-sort={active ? filters.direction : 'none'} w={width}>
      <UnstyledButton onClick={() => onSort(column)} fw={600}>
        {label}
        {active ? (filters.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

function Row({ row }: { row: ListRow }) {
  const { dispute, counterparties, forums, patentCount } = row;
  return (
    <>
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
      <Table.Td>{dispute.openedOn}</Table.Td>
      <Table.Td>{formatTimestamp(dispute.updatedAt)}</Table.Td>
    </>
  );
}

const yearOption = (value: string) => ({
  value,
  label: value === NO_YEAR ? NO_YEAR_LABEL : value,
});

/** Distinct non-empty values, sorted for a picker. */
function choices(values: Iterable<string>, selected: string | null): string[] {
  const set = new Set(values);
  set.delete('');
  if (selected) set.add(selected);
  return [...set].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/** True while the browser prints, so every row (not only those in view) is on paper. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // flushSync: the rows must be in the page before the browser lays out the print.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    addEventListener('beforeprint', before);
    addEventListener('afterprint', after);
    return () => {
      removeEventListener('beforeprint', before);
      removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

type PickerOptions = { forums: string[]; countries: string[]; opened: string[]; closed: string[] };

const select = (value: string | null) => (value === ALL || value === null ? null : value);

/**
 * The filters other than the text, memoised: typing re-renders the text box alone, not these
 * eight pickers and their option lists.
 */
const FilterPickers = memo(function FilterPickers({
  filters,
  options,
  update,
}: {
  filters: DisputeFilters;
  options: PickerOptions;
  update: (patch: Partial<DisputeFilters>) => void;
}) {
  const { status, forum, country, role, opened, closed, outcome } = filters;
  return (
    <>
      <Select
        label="Status"
        data={[
          { value: ALL, label: 'All statuses' },
          { value: 'open', label: 'Open (not settled or closed)' },
          ...disputeStatus.options,
        ]}
        value={status ?? ALL}
        onChange={(value) => update({ status: select(value) as DisputeFilters['status'] })}
        allowDeselect={false}
        w={200}
      />
      <Select
        label="Our role"
        data={[{ value: ALL, label: 'Any role' }, ...ourRole.options]}
        value={role ?? ALL}
        onChange={(value) => update({ role: select(value) as DisputeFilters['role'] })}
        allowDeselect={false}
        w={200}
      />
      <Select
        label="Forum"
        data={[{ value: ALL, label: 'Any forum' }, ...options.forums]}
        value={forum ?? ALL}
        onChange={(value) => update({ forum: select(value) })}
        allowDeselect={false}
        searchable
        w={220}
      />
      <Select
        label="Country"
        data={[{ value: ALL, label: 'Any country' }, ...options.countries]}
        value={country ?? ALL}
        onChange={(value) => update({ country: select(value) })}
        allowDeselect={false}
        searchable
        w={150}
      />
      <Select
        label="Opened in"
        data={[{ value: ALL, label: 'Any year' }, ...options.opened.map(yearOption)]}
        value={opened ?? ALL}
        onChange={(value) => update({ opened: select(value) })}
        allowDeselect={false}
        w={120}
      />
      <Select
        label="Closed in"
        data={[{ value: ALL, label: 'Any year' }, ...options.closed.map(yearOption)]}
        value={closed ?? ALL}
        onChange={(value) => update({ closed: select(value) })}
        allowDeselect={false}
        w={120}
      />
      <Select
        label="Outcome"
        data={[
          { value: ALL, label: 'Any outcome' },
          ...outcomeGroup.values.map((value) => ({
            value,
            label: outcomeGroup.labels[value],
          })),
        ]}
        value={outcome ?? ALL}
        onChange={(value) => update({ outcome: select(value) as DisputeFilters['outcome'] })}
        allowDeselect={false}
        w={190}
      />
    </>
  );
});

/**
 * The table with only the rows in view drawn (every row while printing). Spacer rows, hidden from
 * assistive technology, keep the scroll height; aria-rowcount and aria-rowindex tell a screen
 * reader where it is in the whole list.
 */
const VirtualTable = memo(function VirtualTable({
  rows,
  filters,
  onSort,
}: {
  rows: ListRow[];
  filters: DisputeFilters;
  onSort: (column: SortKey) => void;
}) {
  const printing = usePrinting();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Where the rows start on the page moves when the filters above wrap onto another line.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setScrollMargin(body.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  // The virtualizer's functions change identity on every render, so nothing here is memoised
  // with them; the rows it draws are cheap and few.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 10,
    scrollMargin,
    getItemKey: (index) => rows[index]?.dispute.id ?? index,
  });
  const items = printing
    ? rows.map((_, index) => ({ index, start: 0, end: 0 }))
    : virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  const paddingTop = printing || !items[0] ? 0 : items[0].start - scrollMargin;
  const paddingBottom =
    printing || !last ? 0 : virtualizer.getTotalSize() - (last.end - scrollMargin);
  const header = { filters, onSort };
  return (
    <Table
      highlightOnHover
      aria-label="Disputes"
      aria-rowcount={rows.length + 1}
      style={{ tableLayout: 'fixed', minWidth: 1000 }}
    >
      <Table.Thead>
        <Table.Tr aria-rowindex={1}>
          <SortHeader label="Title" column="title" width="22%" {...header} />
          <SortHeader label="Our role" column="ourRole" width="12%" {...header} />
          <SortHeader label="Counterparties" column="counterparties" width="16%" {...header} />
          <SortHeader label="Status" column="status" width="10%" {...header} />
          <SortHeader label="Forums" column="forums" width="16%" {...header} />
          <SortHeader label="Patents" column="patents" width="7%" {...header} />
          <SortHeader label="Opened" column="openedOn" width="7%" {...header} />
          <SortHeader label="Last change" column="updatedAt" width="10%" {...header} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody ref={bodyRef}>
        {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <Table.Tr
              key={row.dispute.id}
              data-index={item.index}
              ref={printing ? undefined : virtualizer.measureElement}
              aria-rowindex={item.index + 2}
            >
              <Row row={row} />
            </Table.Tr>
          );
        })}
        {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
      </Table.Tbody>
    </Table>
  );
});

export function DisputesList() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseDisputeFilters(search), [search]);
  const rows = useLiveQuery(() => listDisputeRows(db));
  const [creating, setCreating] = useState(false);

  const update = useCallback(
    (patch: Partial<DisputeFilters>) =>
      navigate(disputesHref({ ...filters, ...patch }), { replace: true }),
    [filters, navigate],
  );

  // The text box answers at once; the list follows deferred, and the address after a pause.
  const [text, setText] = useState(filters.q);
  const written = useRef(filters.q);
  useEffect(() => {
    if (filters.q !== written.current) {
      written.current = filters.q;
      setText(filters.q);
    }
  }, [filters.q]);
  useEffect(() => {
    if (text === written.current) return;
    const timer = setTimeout(() => {
      written.current = text;
      navigate(disputesHref({ ...filters, q: text }), { replace: true });
    }, ADDRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, navigate]);
  const deferredText = useDeferredValue(text);

  const prepared = useMemo(() => (rows ? prepareRows(rows) : undefined), [rows]);
  const sorted = useMemo(
    () => (prepared ? sortRows(prepared, filters.sort, filters.direction) : undefined),
    [prepared, filters.sort, filters.direction],
  );
  const { status, forum, country, role, opened, closed, outcome } = filters;
  // Only the filters that narrow: a change of text alone does not redo this.
  const narrowed = useMemo(() => {
    const narrowing = { ...defaultFilters, status, forum, country, role, opened, closed, outcome };
    return sorted?.filter((row) => matchesFilters(row, narrowing));
  }, [sorted, status, forum, country, role, opened, closed, outcome]);
  const visible = useMemo(
    () => narrowed?.filter((row) => matchesText(row, deferredText)),
    [narrowed, deferredText],
  );

  const options = useMemo((): PickerOptions => {
    const all = prepared ?? [];
    return {
      forums: choices(
        all.flatMap((r) => r.forumNames),
        forum,
      ),
      countries: choices(
        all.flatMap((r) => r.countries),
        country,
      ),
      opened: choices(
        all.map((r) => r.openedYear),
        opened,
      ).reverse(),
      closed: choices(
        all.map((r) => r.closedYear),
        closed,
      ).reverse(),
    };
  }, [prepared, forum, country, opened, closed]);

  const onSort = useCallback(
    (column: SortKey) => {
      if (column === filters.sort)
        update({ direction: filters.direction === 'ascending' ? 'descending' : 'ascending' });
      else update({ sort: column, direction: firstDirection(column) });
    },
    [filters, update],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Disputes</Title>
        <Group gap="xs">
          {visible && (
            <ExportTableButtons
              table={() => disputeListTable(visible, filters)}
              what="The disputes listed"
            />
          )}
          <PrintPortfolioButton />
          <Button onClick={() => setCreating(true)}>New dispute</Button>
        </Group>
      </Group>
      <Group align="end" gap="sm" className="cf-no-print">
        <TextInput
          label="Search disputes"
          placeholder="Title, party, forum, tag…"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={260}
        />
        <FilterPickers filters={filters} options={options} update={update} />
        {isFiltered({ ...filters, q: text }) && (
          <Button
            variant="subtle"
            onClick={() => {
              written.current = '';
              setText('');
              navigate(disputesHref({ sort: filters.sort, direction: filters.direction }), {
                replace: true,
              });
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {!visible || !rows ? (
        <Loader aria-label="Loading disputes" />
      ) : rows.length === 0 ? (
        <Text>
          No disputes yet. Create one with “New dispute”, or open the sample case file from the
          menu.
        </Text>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {visible.length === rows.length
              ? `${rows.length} ${rows.length === 1 ? 'dispute' : 'disputes'}`
              : `${visible.length} of ${rows.length} disputes`}
          </Text>
          <div className="cf-table-scroll">
            <VirtualTable rows={visible} filters={filters} onSort={onSort} />
            {visible.length === 0 && <Text mt="sm">No dispute matches these filters.</Text>}
          </div>
        </>
      )}
      <NewDisputeModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
