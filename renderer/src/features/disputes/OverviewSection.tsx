/**
 * The dispute's first page is its story on one screen, in the order a counsel asks about it: key
 * facts, who is involved, where it runs and what comes next there, how each patent fared, the
 * next deadlines, the latest notes, and how it ended. Each block's heading links to its tab, where
 * the block is edited; only the dispute's own facts are edited here.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { forumName, patentName, proceedingName } from '../../../../shared/domain/display-names';
import { formatPartialDate, todayIso } from '../../../../shared/domain/partial-date';
import { disputeInputSchema, type Deadline } from '../../../../shared/domain/schemas';
import {
  assertionStatus,
  deadlineKind,
  licenceType,
  noteKind,
  ourRole,
  partyRole,
  privilege,
  proceedingKind,
  proceedingStage,
} from '../../../../shared/domain/vocabulary';
import { outcomeLabel } from '../../../../shared/domain/portfolio-groups';
import { noteHeading } from '../../../../shared/text/first-words';
import { plural } from '../../../../shared/text/plural';
import { db } from '../../db/db';
import { disputeToInput, updateDispute } from '../../db/repos/dispute-repo';
import { Facts } from '../../ui/Facts';
import { FormModal } from '../../ui/FormModal';
import { NOT_RECORDED, NotRecorded } from '../../ui/NotRecorded';
import { submitForm, useZodForm } from '../../ui/zod-form';
import { DeadlineStateBadge } from '../deadlines/DeadlineStateBadge';
import { deadlineState } from '../deadlines/deadline-status';
import type { AssertionView, DisputeDetail, PartyView } from './dispute-queries';
import { DisputeFormFields, type DisputeFormValues } from './DisputeFormFields';
import { loadOverviewBrief } from './overview-query';
import { StatusBadge } from './StatusBadge';

const NEXT_DEADLINES = 3;

/** Parties in the order of the roles' list (plaintiff before defendant), then by name. */
function byRole(a: PartyView, b: PartyView): number {
  return (
    partyRole.values.indexOf(a.role) - partyRole.values.indexOf(b.role) ||
    (a.organisation?.name ?? '').localeCompare(b.organisation?.name ?? '')
  );
}

function Block({
  id,
  title,
  href,
  count,
  children,
}: {
  id: string;
  title: string;
  href: string;
  count?: string;
  children: ReactNode;
}) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={`overview-${id}`}>
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h4" id={`overview-${id}`}>
          <Anchor component={Link} href={href}>
            {title}
          </Anchor>
        </Title>
        {count && (
          <Text size="sm" c="dimmed">
            {count}
          </Text>
        )}
      </Group>
      {children}
    </Paper>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {children}
    </Text>
  );
}

/** "15 March 2023" for a date, the day of a timestamp; '' stays ''. */
function sinceText(since: string): string {
  return formatPartialDate(since.length > 10 ? since.slice(0, 10) : since);
}

function deadlineWhen(d: Pick<Deadline, 'date' | 'time'>): string {
  return `${formatPartialDate(d.date)}${d.time ? `, ${d.time}` : ''}`;
}

type PatentScore = { key: string; name: string; title: string; rows: AssertionView[] };

/** One entry per patent, its assertions in the order of their proceedings. */
function scoreboard(detail: DisputeDetail): PatentScore[] {
  const byPatent = new Map<string, PatentScore>();
  for (const a of detail.assertions) {
    const score = byPatent.get(a.patentId) ?? {
      key: a.patentId,
      name: a.patent ? patentName(a.patent) : 'Patent no longer on file',
      title: a.patent?.number ? a.patent.title || a.patent.technology : a.patent?.technology || '',
      rows: [],
    };
    score.rows.push(a);
    byPatent.set(a.patentId, score);
  }
  return [...byPatent.values()];
}

export function OverviewSection({ detail }: { detail: DisputeDetail }) {
  const { dispute, parties, proceedings } = detail;
  const base = `/disputes/${dispute.id}`;
  const brief = useLiveQuery(() => loadOverviewBrief(db, dispute), [dispute]);
  const [editing, setEditing] = useState(false);
  const form = useZodForm(disputeInputSchema, disputeToInput(dispute) as DisputeFormValues);
  const today = todayIso();

  function edit() {
    form.setValues(disputeToInput(dispute) as DisputeFormValues);
    form.resetDirty();
    form.clearErrors();
    setEditing(true);
  }

  const patents = scoreboard(detail);
  const nextByProceeding = new Map<string, Deadline>();
  for (const d of brief?.openDeadlines ?? []) {
    if (d.proceedingId && !nextByProceeding.has(d.proceedingId)) {
      nextByProceeding.set(d.proceedingId, d);
    }
  }
  const resolution = dispute.resolution;
  const licence = resolution?.licence;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="start" wrap="wrap">
        <Group gap="lg" component="dl" m={0} wrap="wrap" aria-label="Key facts">
          <KeyFact label="Our role">{ourRole.labels[dispute.ourRole]}</KeyFact>
          <KeyFact label="Status">
            <StatusBadge status={dispute.status} />
          </KeyFact>
          <KeyFact label="Since">
            {brief?.statusSince ? sinceText(brief.statusSince) : <NotRecorded />}
          </KeyFact>
          <KeyFact label="Matter number">{dispute.matterNumber || <NotRecorded />}</KeyFact>
          <KeyFact label="Opened">{formatPartialDate(dispute.openedOn) || <NotRecorded />}</KeyFact>
          <KeyFact label="Closed">
            {formatPartialDate(dispute.closedOn) ||
              (dispute.status === 'settled' || dispute.status === 'closed' ? (
                <NotRecorded />
              ) : (
                'Still open'
              ))}
          </KeyFact>
        </Group>
        <Button variant="default" onClick={edit}>
          Edit overview
        </Button>
        <Button component="a" href={`#/trash/${dispute.id}`} variant="subtle">
          Trash of this dispute
        </Button>
      </Group>
      <Facts cols={1} facts={[{ label: 'Summary', value: dispute.summary }]} />
      {dispute.tags.length > 0 && (
        <Group gap={4} aria-label="Tags">
          {dispute.tags.map((tag) => (
            <Badge key={tag} variant="outline">
              {tag}
            </Badge>
          ))}
          <Text size="xs" c="dimmed" ml="sm">
            {privilege.labels[dispute.privilege]}
          </Text>
        </Group>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Block
          id="parties"
          title="Parties"
          href={`${base}/parties`}
          count={plural(parties.length, 'party', 'parties')}
        >
          {parties.length === 0 ? (
            <Empty>No parties recorded yet.</Empty>
          ) : (
            <List spacing={4} size="sm" listStyleType="none" ml={0} pl={0}>
              {[...parties].sort(byRole).map((p) => (
                <List.Item key={p.id}>
                  <Text span fw={600} size="sm">
                    {p.organisation?.name ?? 'Organisation no longer on file'}
                  </Text>
                  {' — '}
                  {partyRole.labels[p.role]}
                  {/* Watching a dispute, we have no side in it: nobody is our counterparty. */}
                  {dispute.ourRole !== 'observer' && (p.ourSide ? ', our side' : ', counterparty')}
                  <Text size="sm" c="dimmed">
                    Outside counsel: {p.outsideCounsel || NOT_RECORDED}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Block>

        <Block
          id="proceedings"
          title="Proceedings"
          href={`${base}/proceedings`}
          count={plural(proceedings.length, 'proceeding')}
        >
          {proceedings.length === 0 ? (
            <Empty>No proceedings recorded yet.</Empty>
          ) : (
            <List spacing={6} size="sm" listStyleType="none" ml={0} pl={0}>
              {proceedings.map((p) => {
                const next = nextByProceeding.get(p.id);
                return (
                  <List.Item key={p.id}>
                    <Text span fw={600} size="sm">
                      {forumName(p)}
                    </Text>
                    {' — '}
                    {proceedingKind.labels[p.kind]}
                    <Text size="sm">
                      Case number: {p.caseNumber || NOT_RECORDED} · Stage:{' '}
                      {proceedingStage.labels[p.stage]}
                    </Text>
                    <Text size="sm" c="dimmed">
                      Next step:{' '}
                      {next
                        ? `${next.title} (${deadlineKind.labels[next.kind].toLowerCase()}), ${deadlineWhen(next)}`
                        : 'none on file'}
                    </Text>
                  </List.Item>
                );
              })}
            </List>
          )}
        </Block>
      </SimpleGrid>

      <Block
        id="patents"
        title="Patents"
        href={`${base}/patents`}
        count={plural(patents.length, 'patent')}
      >
        {patents.length === 0 ? (
          <Empty>No patents asserted yet.</Empty>
        ) : (
          <div className="cf-table-scroll">
            {/* One row group per patent: its name spans its assertions, stays in view when the
                table scrolls sideways, and the stripes alternate by patent, not by row. */}
            <Table aria-label="Patent scoreboard" className="cf-row-groups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Patent</Table.Th>
                  <Table.Th>Asserted in</Table.Th>
                  <Table.Th>Claims</Table.Th>
                  <Table.Th>How it fared</Table.Th>
                </Table.Tr>
              </Table.Thead>
              {patents.map((score) => (
                <Table.Tbody key={score.key}>
                  {score.rows.map((a, index) => (
                    <Table.Tr key={a.id}>
                      {index === 0 && (
                        <Table.Th scope="rowgroup" rowSpan={score.rows.length} fw={400}>
                          <Text size="sm" fw={600} className="cf-nowrap">
                            {score.name}
                          </Text>
                          {score.title && (
                            <Text size="xs" c="dimmed">
                              {score.title}
                            </Text>
                          )}
                        </Table.Th>
                      )}
                      <Table.Td>
                        {a.proceeding ? proceedingName(a.proceeding) : NOT_RECORDED}
                      </Table.Td>
                      <Table.Td>{a.claims || 'Not known'}</Table.Td>
                      <Table.Td>{assertionStatus.labels[a.status]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              ))}
            </Table>
          </div>
        )}
      </Block>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Block
          id="deadlines"
          title="Next deadlines"
          href={`${base}/deadlines`}
          count={brief ? plural(brief.openDeadlines.length, 'open deadline') : undefined}
        >
          {!brief ? (
            <Loader size="sm" aria-label="Loading the deadlines" />
          ) : brief.openDeadlines.length === 0 ? (
            <Empty>No open deadlines.</Empty>
          ) : (
            <List spacing={6} size="sm" listStyleType="none" ml={0} pl={0}>
              {brief.openDeadlines.slice(0, NEXT_DEADLINES).map((d) => {
                const state = deadlineState(d, today);
                return (
                  <List.Item key={d.id}>
                    <Group gap="xs" wrap="nowrap" align="baseline">
                      <DeadlineStateBadge state={state} />
                      <Text size="sm">
                        <Text span fw={600} size="sm">
                          {deadlineWhen(d)}
                        </Text>{' '}
                        {d.title}
                        {state === 'overdue' && ' — overdue, not marked done'}
                      </Text>
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          )}
        </Block>

        <Block
          id="notes"
          title="Latest notes"
          href={`${base}/notes`}
          count={brief ? plural(brief.noteCount, 'note') : undefined}
        >
          {!brief ? (
            <Loader size="sm" aria-label="Loading the notes" />
          ) : brief.latestNotes.length === 0 ? (
            <Empty>No notes yet.</Empty>
          ) : (
            <List spacing={6} size="sm" listStyleType="none" ml={0} pl={0}>
              {brief.latestNotes.map((n) => (
                <List.Item key={n.id}>
                  <Text size="sm">
                    <Text span fw={600} size="sm">
                      {n.date ? formatPartialDate(n.date) : 'Date not given'}
                    </Text>{' '}
                    {noteHeading(n, `${noteKind.labels[n.kind]} note`)}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
          {brief && (
            <Text size="xs" c="dimmed" mt="xs">
              {plural(brief.documentCount, 'document')} on file ·{' '}
              <Anchor component={Link} href={`${base}/documents`} size="xs" underline="always">
                Documents
              </Anchor>
            </Text>
          )}
        </Block>
      </SimpleGrid>

      <Block id="outcome" title="Outcome" href={`${base}/resolution`}>
        {!resolution ? (
          <Empty>No outcome recorded yet.</Empty>
        ) : (
          <Stack gap="xs">
            <Text size="sm">
              <Text span fw={600} size="sm">
                {outcomeLabel(resolution)}
              </Text>
              {', '}
              {resolution.date ? formatPartialDate(resolution.date) : 'date not given'}
            </Text>
            {resolution.text && (
              <Text size="sm" className="cf-prewrap">
                {resolution.text}
              </Text>
            )}
            {licence && (
              <Table aria-label="Licence terms" withTableBorder variant="vertical" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="30%">Licence term</Table.Th>
                    <Table.Th>Agreed</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[
                    ['Licence type', licence.type ? licenceType.labels[licence.type] : ''],
                    ['Territory', licence.territory],
                    ['Duration', licence.term],
                    ['Consideration', licence.consideration],
                    ['Scope', licence.scope],
                  ].map(([label, value]) => (
                    <Table.Tr key={label}>
                      <Table.Th scope="row" fw={500}>
                        {label}
                      </Table.Th>
                      <Table.Td>{value || NOT_RECORDED}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Block>

      <FormModal
        opened={editing}
        onClose={() => setEditing(false)}
        title="Edit overview"
        submitLabel="Save overview"
        onSubmit={() =>
          submitForm(
            form,
            (values) => updateDispute(db, dispute.id, values),
            'The overview was not saved',
          )
        }
      >
        <DisputeFormFields form={form} />
      </FormModal>
    </Stack>
  );
}

function KeyFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" fw={500}>
        {children}
      </Text>
    </Group>
  );
}
