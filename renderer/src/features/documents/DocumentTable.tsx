/**
 * A dispute's documents as a table that draws only the rows in view: a long matter holds a
 * thousand filings, and drawing each row with its buttons froze the tab for seconds. Spacer rows,
 * hidden from assistive technology, keep the scroll height; aria-rowcount and aria-rowindex tell
 * a screen reader where it is in the whole list (as the disputes list does). Each row is memoised:
 * the table redraws whenever it measures rows or the window scrolls, and a row whose filing has not
 * changed is not drawn again.
 */
import { Anchor, Table } from '@mantine/core';
import { memo, useDeferredValue, useMemo } from 'react';
import type { CaseDocument, OcrJob } from '../../../../shared/domain/schemas';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { documentKind, textStatus } from '../../../../shared/domain/vocabulary';
import { formatBytes } from '../../ui/format-bytes';
import { ActionsHeader, RowActions } from '../../ui/RowActions';
import { useStableHandler } from '../../ui/use-stable-handler';
import { OcrStatus, type useOcrJobs } from '../ocr/OcrStatus';
import { itemElementId } from '../timeline/focus-request';
import { SpacerRow, useWindowTableRows } from '../timeline/window-table-rows';
import type { DocumentRow } from './document-list';

const ROW_ESTIMATE_PX = 49;
/**
 * Rows the table is first drawn with: more than a tall window shows. The virtualizer places every
 * row it is given (a key and a place each, again whenever a drawn row is measured): 50,000 filings
 * made that a large part of the one task that opened the tab. So the table is drawn with these
 * first, and with every row in a second render after it (React's useDeferredValue with an initial
 * value), which changes nothing on screen but the scrollbar.
 */
const FIRST_ROWS = 60;

export function DocumentTable({
  rows,
  ocrJobs,
  onView,
  onEdit,
  onRemove,
}: {
  rows: DocumentRow[];
  ocrJobs: ReturnType<typeof useOcrJobs>;
  onView: (document: CaseDocument) => void;
  onEdit: (document: CaseDocument) => void;
  onRemove: (document: CaseDocument) => void;
}) {
  // At most the rows there are: after a filter the deferred count is, for a render, the old one.
  const deferredCount = useDeferredValue(rows.length, FIRST_ROWS);
  const placed = Math.min(rows.length, deferredCount);
  const placedRows = useMemo(
    () => (placed < rows.length ? rows.slice(0, placed) : rows),
    [rows, placed],
  );
  const { startRef, items, virtualizer, paddingTop, paddingBottom } = useWindowTableRows({
    rows: placedRows,
    idOf: (row) => row.document.id,
    estimateSize: ROW_ESTIMATE_PX,
  });
  const view = useStableHandler(onView);
  const edit = useStableHandler(onEdit);
  const remove = useStableHandler(onRemove);
  return (
    <div className="cf-table-scroll">
      <Table aria-label="Documents" aria-rowcount={rows.length + 1} striped>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th>Title</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Filed</Table.Th>
            <Table.Th>Docket entry</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Pages</Table.Th>
            <Table.Th>Text</Table.Th>
            <ActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={startRef}>
          <SpacerRow height={paddingTop} />
          {items.map((item) => {
            const { document } = rows[item.index]!;
            return (
              <DocumentTableRow
                key={document.id}
                document={document}
                index={item.index}
                job={ocrJobs?.get(document.sha256)}
                measure={virtualizer.measureElement}
                onView={view}
                onEdit={edit}
                onRemove={remove}
              />
            );
          })}
          {/* The rows not yet placed are counted in, so the page is as long from the start. */}
          <SpacerRow height={paddingBottom + (rows.length - placed) * ROW_ESTIMATE_PX} />
        </Table.Tbody>
      </Table>
    </div>
  );
}

const DocumentTableRow = memo(function DocumentTableRow({
  document,
  index,
  job,
  measure,
  onView,
  onEdit,
  onRemove,
}: {
  document: CaseDocument;
  index: number;
  job: OcrJob | undefined;
  measure: (element: HTMLTableRowElement | null) => void;
  onView: (document: CaseDocument) => void;
  onEdit: (document: CaseDocument) => void;
  onRemove: (document: CaseDocument) => void;
}) {
  return (
    <Table.Tr
      id={itemElementId(document.id)}
      tabIndex={-1}
      data-index={index}
      ref={measure}
      aria-rowindex={index + 2}
    >
      <Table.Td>
        <Anchor component="button" onClick={() => onView(document)}>
          {document.title}
        </Anchor>
      </Table.Td>
      <Table.Td>{documentKind.labels[document.kind]}</Table.Td>
      <Table.Td>{formatPartialDate(document.filedOn)}</Table.Td>
      <Table.Td>{document.docketEntry}</Table.Td>
      <Table.Td>{formatBytes(document.size)}</Table.Td>
      <Table.Td>{document.pageCount ?? ''}</Table.Td>
      <Table.Td>
        {job && document.textStatus === 'scanned' ? (
          <OcrStatus job={job} title={document.title} />
        ) : (
          textStatus.labels[document.textStatus]
        )}
      </Table.Td>
      <RowActions
        what={`document ${document.title}`}
        onEdit={() => onEdit(document)}
        onRemove={() => onRemove(document)}
        removeLabel="Delete"
      />
    </Table.Tr>
  );
});
