import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Loader,
  Menu,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { ourRole } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { DisputeDropZone } from '../documents/DisputeDropZone';
import { DocumentsSection } from '../documents/DocumentsSection';
import { PrintSummaryButton } from '../printing/PrintSummaryDialog';
import { ExportBundleDialog } from '../bundles/ExportBundleButton';
import { deleteDispute } from '../../db/repos/dispute-repo';
import { deleteWithUndo } from '../trash/delete-actions';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { DeadlinesSection } from '../deadlines/DeadlinesSection';
import { NotesSection } from '../notes/NotesSection';
import { warmMarkdown } from '../notes/markdown';
import { useIdleHold, useIdleWarmup } from '../../ui/use-idle-warmup';
import { TimelineSection } from '../timeline/TimelineSection';
import { holdBusyTabs } from './hold-busy-tabs';
import { loadDisputeDetail } from './dispute-queries';
import { HistorySection } from './HistorySection';
import { OverviewSection } from './OverviewSection';
import { PartiesSection } from './PartiesSection';
import { PatentsSection } from './PatentsSection';
import { ProceedingsSection } from './ProceedingsSection';
import { ResolutionSection } from './ResolutionSection';
import { StatusBadge } from './StatusBadge';

const tabs = [
  { value: 'overview', label: 'Overview' },
  { value: 'parties', label: 'Parties' },
  { value: 'proceedings', label: 'Proceedings' },
  { value: 'patents', label: 'Patents' },
  { value: 'documents', label: 'Documents' },
  { value: 'notes', label: 'Notes' },
  { value: 'deadlines', label: 'Deadlines' },
  { value: 'timeline', label: 'Timeline' },
  { value: 'resolution', label: 'Resolution' },
  { value: 'history', label: 'History' },
] as const;

export function DisputePage({ id, tab }: { id: string; tab: string }) {
  const [, navigate] = useLocation();
  // `null` is "no such dispute"; `undefined` is still loading.
  const detail = useLiveQuery(() => loadDisputeDetail(db, id), [id]);
  const [dialog, setDialog] = useState<'export' | 'delete' | null>(null);
  // The Notes tab's cards are Markdown: its code is made ready while the page is read (once it
  // is drawn, not while it loads).
  useIdleWarmup(warmMarkdown, detail !== undefined);
  // The Notes, Documents and Timeline tabs of a busy dispute read thousands of records before
  // they can draw a screenful: once the page is drawn, those reads are held live, so each tab
  // opens drawn.
  useIdleHold(() => holdBusyTabs(id), detail !== undefined && detail !== null, id);

  if (detail === undefined) return <Loader aria-label="Loading the dispute" />;
  if (detail === null) {
    return (
      <Stack>
        <Title order={1}>Dispute not found</Title>
        <Text>It may have been deleted.</Text>
        <Anchor component={Link} href="/disputes">
          Back to the disputes
        </Anchor>
      </Stack>
    );
  }
  const { dispute } = detail;
  const current = tabs.some((t) => t.value === tab) ? tab : 'overview';

  return (
    <DisputeDropZone
      disputeId={id}
      onDropped={() => navigate(`/disputes/${id}/documents`, { replace: true })}
    >
      <Stack gap="md">
        <Breadcrumbs aria-label="Breadcrumb">
          <Anchor component={Link} href="/disputes">
            Disputes
          </Anchor>
          <Text>{dispute.title}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="start">
          <Stack gap={4}>
            <Title order={1}>{dispute.title}</Title>
            <Group gap="xs">
              <StatusBadge status={dispute.status} />
              <Text size="sm">Our role: {ourRole.labels[dispute.ourRole]}</Text>
              {dispute.matterNumber && <Text size="sm">Matter {dispute.matterNumber}</Text>}
            </Group>
          </Stack>
          <Group gap="xs">
            <PrintSummaryButton dispute={dispute} />
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <Button variant="default" aria-label="More actions for this dispute">
                  More
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog('export')}>Export case bundle…</Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => setDialog('delete')}>
                  Delete dispute…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        <Tabs
          value={current}
          onChange={(value) =>
            navigate(`/disputes/${id}/${value ?? 'overview'}`, { replace: true })
          }
          keepMounted={false}
        >
          <Tabs.List aria-label="Dispute sections">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <OverviewSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="parties" pt="md">
            <PartiesSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="proceedings" pt="md">
            <ProceedingsSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="patents" pt="md">
            <PatentsSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="documents" pt="md">
            <DocumentsSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="notes" pt="md">
            <NotesSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="deadlines" pt="md">
            <DeadlinesSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md">
            <TimelineSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="resolution" pt="md">
            <ResolutionSection detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistorySection detail={detail} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      {dialog === 'export' && (
        <ExportBundleDialog dispute={dispute} onClose={() => setDialog(null)} />
      )}
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={`Delete “${dispute.title}”?`}
        confirmLabel="Delete dispute"
        onConfirm={async () => {
          await deleteWithUndo(`“${dispute.title}”`, () => deleteDispute(db, dispute.id));
          navigate('/disputes');
        }}
      >
        This deletes the dispute with its parties’ links, proceedings, patent assertions, documents,
        notes and deadlines. Organisations and patents stay in your case files for other disputes.
        It goes to the trash, from which it can be restored for 30 days.
      </ConfirmModal>
    </DisputeDropZone>
  );
}
