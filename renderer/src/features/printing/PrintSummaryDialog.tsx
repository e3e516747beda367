/**
 * "Print summary…": the choices (sections, privileged notes, paper, confidentiality line) beside a
 * live preview of the pages, then "Save as PDF…" or "Print…". Privileged notes are off every time
 * the dialog opens; the confidentiality line starts from the dispute's privilege label.
 */
import { Button, Grid, Group, Modal, ScrollArea, Stack, Switch, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Dispute } from '../../../../shared/domain/schemas';
import { todayIso } from '../../../../shared/domain/partial-date';
import { privilege } from '../../../../shared/domain/vocabulary';
import {
  defaultSummaryChoices,
  pdfFileName,
  summaryChoicesSchema,
  summaryRoute,
  summarySections,
  type SummaryChoices,
} from '../../../../shared/print-options';
import { db } from '../../db/db';
import { printPages, savePdf } from './print-actions';
import { PageFields, SectionsField } from './PrintChoiceFields';
import { SummaryDocument } from './SummaryDocument';
import { loadSummary } from './summary-query';
import './print.css';

/** The privilege label, except that "Not privileged" is no heading for a document sent round. */
export function defaultConfidentialityLine(dispute: Pick<Dispute, 'privilege'>): string {
  return dispute.privilege === 'none' ? 'Confidential' : privilege.labels[dispute.privilege];
}

export function PrintSummaryButton({ dispute }: { dispute: Dispute }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        Print summary…
      </Button>
      {opened && <PrintSummaryDialog dispute={dispute} onClose={() => setOpened(false)} />}
    </>
  );
}

function PrintSummaryDialog({ dispute, onClose }: { dispute: Dispute; onClose: () => void }) {
  const [choices, setChoices] = useState<SummaryChoices>(() =>
    defaultSummaryChoices(defaultConfidentialityLine(dispute)),
  );
  const [busy, setBusy] = useState<'pdf' | 'print' | null>(null);
  const data = useLiveQuery(() => loadSummary(db, dispute.id), [dispute.id]);
  const checked = summaryChoicesSchema.safeParse(choices);
  const problem = (field: string) =>
    checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === field)?.message;

  async function run(kind: 'pdf' | 'print') {
    if (!checked.success) return;
    const route = summaryRoute(dispute.id, checked.data);
    const page = { paper: checked.data.paper, line: checked.data.line };
    setBusy(kind);
    try {
      if (kind === 'pdf') await savePdf(route, page, pdfFileName(dispute.title));
      else await printPages(route, page);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Print summary" size="90rem">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <SectionsField
              options={summarySections}
              value={choices.sections}
              onChange={(sections) => setChoices((c) => ({ ...c, sections }))}
              error={problem('sections')}
            />
            <Switch
              label="Include privileged notes"
              description="Off unless you need them: privileged notes should reach only those entitled to them."
              checked={choices.privileged}
              onChange={(event) => {
                const privileged = event.currentTarget.checked;
                setChoices((c) => ({ ...c, privileged }));
              }}
            />
            <PageFields
              paper={choices.paper}
              line={choices.line}
              onChange={(page) => setChoices((c) => ({ ...c, ...page }))}
              lineError={problem('line')}
            />
            <Group>
              <Button
                onClick={() => void run('pdf')}
                loading={busy === 'pdf'}
                disabled={!checked.success || busy !== null}
              >
                Save as PDF…
              </Button>
              <Button
                variant="default"
                onClick={() => void run('print')}
                loading={busy === 'print'}
                disabled={!checked.success || busy !== null}
              >
                Print…
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Text size="sm" fw={600} mb={4} id="print-preview-label">
            Preview
          </Text>
          <ScrollArea
            h="70vh"
            className="cf-print-preview"
            component="section"
            aria-labelledby="print-preview-label"
          >
            <div className="cf-print-sheet" data-paper={choices.paper}>
              {choices.line && <p className="cf-print-screen-line">{choices.line}</p>}
              {data ? (
                <SummaryDocument
                  data={data}
                  choices={checked.success ? checked.data : choices}
                  printedOn={todayIso()}
                />
              ) : (
                <Text>Loading the preview…</Text>
              )}
            </div>
          </ScrollArea>
        </Grid.Col>
      </Grid>
    </Modal>
  );
}
