// @vitest-environment jsdom
import { notifications } from '@mantine/notifications';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { documentRecord } from '../../db/testing/test-db';
import type { DocumentRow, DocumentSort } from './document-list';
import { useDocumentOrder } from './use-document-order';

function row(id: string, fields: Partial<CaseDocument>): DocumentRow {
  return { document: documentRecord({ id, ...fields }), text: '' };
}

const ids = (rows: DocumentRow[] | undefined) => rows?.map((r) => r.document.id);

// In the default order (filed, newest first); by kind the complaint comes first.
const order = row('order', { kind: 'order', filedOn: '2024-05' });
const brief = row('brief', { kind: 'brief', filedOn: '2024-03' });
const complaint = row('complaint', { kind: 'complaint', filedOn: '2023-01' });

/** The hook as the tab uses it, with every list long enough to be sorted off the render. */
function renderOrder(rows: DocumentRow[], sort: DocumentSort) {
  return renderHook((props) => useDocumentOrder(props.rows, props.sort, 0), {
    initialProps: { rows, sort },
  });
}

describe('useDocumentOrder', () => {
  afterEach(cleanup);

  it('keeps the chosen order, with each row as it now is, while the changed rows are sorted', async () => {
    const { result, rerender } = renderOrder([order, brief, complaint], 'kind');
    expect(ids(result.current)).toEqual(['order', 'brief', 'complaint']);
    await waitFor(() => expect(ids(result.current)).toEqual(['complaint', 'brief', 'order']));

    // The brief is edited, the order deleted, a motion attached: the list changes.
    const edited = row('brief', { kind: 'brief', filedOn: '2024-03', title: 'Reply brief' });
    const motion = row('motion', { kind: 'motion', filedOn: '2024-06' });
    rerender({ rows: [motion, edited, complaint], sort: 'kind' });
    // At once: not the default order (motion first) but the kind order, the new filing last.
    expect(ids(result.current)).toEqual(['complaint', 'brief', 'motion']);
    expect(result.current?.[1]?.document.title).toBe('Reply brief');
    await waitFor(() => expect(ids(result.current)).toEqual(['complaint', 'motion', 'brief']));
  });

  it('tells the person when an order cannot be made, and shows the rows as they came', async () => {
    const show = vi.spyOn(notifications, 'show').mockReturnValue('');
    // A row without its document makes every comparison with it throw.
    const broken = [order, { text: '' } as DocumentRow, brief];
    const { result } = renderOrder(broken, 'kind');
    await waitFor(() =>
      expect(show).toHaveBeenCalledWith(
        expect.objectContaining({ title: 'The documents could not be sorted' }),
      ),
    );
    expect(result.current).toBe(broken);
  });
});
