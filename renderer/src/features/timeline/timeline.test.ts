import { describe, expect, it } from 'vitest';
import { buildTimeline, showKinds, type TimelineSources } from './timeline';

const sources: TimelineSources = {
  dispute: {
    id: 'd1',
    resolution: { kind: 'settlement', date: '2024-11', licence: null, text: '' },
  },
  proceedings: [
    {
      id: 'p1',
      forum: 'Shenzhen court',
      country: 'China',
      caseNumber: '',
      filedOn: '2023-03',
      closedOn: '2024-11-20',
    },
  ],
  documents: [{ id: 'doc1', title: 'Complaint', kind: 'complaint', filedOn: '2023-03-15' }],
  deadlines: [
    {
      id: 'h2',
      title: 'Afternoon hearing',
      kind: 'hearing',
      date: '2024-06-01',
      time: '14:00',
      done: false,
    },
    {
      id: 'h1',
      title: 'Morning hearing',
      kind: 'hearing',
      date: '2024-06-01',
      time: '09:00',
      done: true,
    },
    { id: 'r1', title: 'Reply', kind: 'response-due', date: '2024-06-01', time: '', done: false },
  ],
  notes: [
    {
      id: 'n1',
      title: 'First offer',
      body: '',
      kind: 'offer',
      date: '2023',
      recordsResolution: false,
    },
    { id: 'n2', title: '', body: '', kind: 'call', date: '', recordsResolution: false },
    {
      id: 'n3',
      title: '',
      body: '**Spoke** with their counsel about a standstill',
      kind: 'call',
      date: '',
      recordsResolution: false,
    },
  ],
};

describe('the timeline', () => {
  it('orders mixed entries by date, partial dates at the start of their period, times within a day', async () => {
    const { dated, undated } = await buildTimeline(sources);
    expect(dated.map((e) => `${e.date} ${e.title}`)).toEqual([
      '2023 First offer',
      '2023-03 Filed: Shenzhen court (China)',
      '2023-03-15 Complaint',
      '2024-06-01 Reply',
      '2024-06-01 Morning hearing (done)',
      '2024-06-01 Afternoon hearing',
      '2024-11 Outcome: Settlement',
      '2024-11-20 Closed: Shenzhen court (China)',
    ]);
    expect(undated.map((e) => e.title)).toEqual([
      'Call note',
      'Spoke with their counsel about a standstill',
    ]);
  });

  it('says which tab opens each entry', async () => {
    const { dated, undated } = await buildTimeline(sources);
    const tabs = Object.fromEntries(
      [...dated, ...undated].map((e) => [e.key, `${e.tab}/${e.itemId}`]),
    );
    expect(tabs).toMatchObject({
      'proceeding-filed-p1': 'proceedings/p1',
      'document-doc1': 'documents/doc1',
      'deadline-h1': 'deadlines/h1',
      'note-n2': 'notes/n2',
      'resolution-d1': 'resolution/d1',
    });
  });

  it('shows only the kinds asked for', async () => {
    const timeline = await buildTimeline(sources);
    const { dated, undated } = showKinds(timeline, new Set(['note', 'resolution'] as const));
    expect(dated.map((e) => e.kind)).toEqual(['note', 'resolution']);
    expect(undated.map((e) => e.kind)).toEqual(['note', 'note']);
    expect(showKinds(timeline, new Set()).dated).toEqual([]);
    const every = new Set(['proceeding', 'document', 'deadline', 'note', 'resolution'] as const);
    expect(showKinds(timeline, every)).toBe(timeline);
  });
});
