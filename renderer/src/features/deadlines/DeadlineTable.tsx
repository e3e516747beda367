/**
 * A dispute's deadlines as a table that draws only the rows in view (window-table-rows.tsx), as
 * its documents do: a long matter holds hundreds of deadlines and events, and drawing each row
 * with its check box, badge and buttons held the tab's first opening for most of a second.
 * aria-rowcount and aria-rowindex tell a screen reader where it is in the whole list. Each row is
 * memoised.
 */
import { Checkbox, Table } from '@mantine/core';
import { memo } from 'react';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { plural } from '../../../../shared/text/plural';
import { deadlineKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { setDeadlineDone } from '../../db/repos/deadline-repo';
import { ActionsHeader, RowActions } from '../../ui/RowActions';
import { useStableHandler } from '../../ui/use-stable-handler';
import { reportError } from '../../ui/zod-form';
import { itemElementId } from '../timeline/focus-request';
import { SpacerRow, useWindowTableRows } from '../timeline/window-table-rows';
import { markDoneWithUndo } from '../trash/delete-actions';
import { DeadlineStateBadge } from './DeadlineStateBadge';
import type { DeadlineView } from './deadline-queries';
import { deadlineState } from './deadline-status';

const ROW_ESTIMATE_PX = 49;

export function DeadlineTable({
  deadlines,
  today,
  onEdit,
  onRemove,
}: {
  deadlines: DeadlineView[];
  today: string;
  onEdit: (deadline: DeadlineView) => void;
  onRemove: (deadline: DeadlineView) => void;
}) {
  const { startRef, items, virtualizer, paddingTop, paddingBottom } = useWindowTableRows({
    rows: deadlines,
    idOf: (deadline) => deadline.id,
    estimateSize: ROW_ESTIMATE_PX,
  });
  const edit = useStableHandler(onEdit);
  const remove = useStableHandler(onRemove);
  return (
    <div className="cf-table-scroll">
      <Table aria-label="Deadlines and events" aria-rowcount={deadlines.length + 1} striped>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th>Date</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Proceeding</Table.Th>
            <Table.Th>Responsible</Table.Th>
            <Table.Th>Reminder</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Done</Table.Th>
            <ActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={startRef}>
          <SpacerRow height={paddingTop} />
          {items.map((item) => {
            const deadline = deadlines[item.index]!;
            return (
              <DeadlineTableRow
                key={deadline.id}
                deadline={deadline}
                state={deadlineState(deadline, today)}
                index={item.index}
                measure={virtualizer.measureElement}
                onEdit={edit}
                onRemove={remove}
              />
            );
          })}
          <SpacerRow height={paddingBottom} />
        </Table.Tbody>
      </Table>
    </div>
  );
}

const DeadlineTableRow = memo(function DeadlineTableRow({
  deadline: d,
  state,
  index,
  measure,
  onEdit,
  onRemove,
}: {
  deadline: DeadlineView;
  state: ReturnType<typeof deadlineState>;
  index: number;
  measure: (element: HTMLTableRowElement | null) => void;
  onEdit: (deadline: DeadlineView) => void;
  onRemove: (deadline: DeadlineView) => void;
}) {
  return (
    <Table.Tr
      id={itemElementId(d.id)}
      tabIndex={-1}
      data-index={index}
      ref={measure}
      aria-rowindex={index + 2}
    >
      <Table.Td>{formatPartialDate(d.date)}</Table.Td>
      <Table.Td>
        {d.time}
        {d.time && d.timeZone ? ` (${d.timeZone})` : ''}
      </Table.Td>
      <Table.Td>{d.title}</Table.Td>
      <Table.Td>{deadlineKind.labels[d.kind]}</Table.Td>
      <Table.Td>{d.proceedingLabel}</Table.Td>
      <Table.Td>{d.responsible}</Table.Td>
      <Table.Td>
        {d.reminderDays === null ? '' : `${plural(d.reminderDays, 'day')} before`}
      </Table.Td>
      <Table.Td>
        <DeadlineStateBadge state={state} />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={`Done: ${d.title}`}
          checked={d.done}
          onChange={(event) =>
            void (
              event.currentTarget.checked ? markDoneWithUndo(d) : setDeadlineDone(db, d.id, false)
            ).catch((error: unknown) => reportError(error, 'The deadline was not changed'))
          }
        />
      </Table.Td>
      <RowActions
        what={`deadline ${d.title}`}
        onEdit={() => onEdit(d)}
        onRemove={() => onRemove(d)}
        removeLabel="Delete"
      />
    </Table.Tr>
  );
});
