/**
 * "Portfolio report…": the choices (which disputes, sections, order, paper, confidentiality line)
 * before the report opens as pages, where it is printed or saved as a PDF. The choices travel in
 * the print route, so the desktop's hidden print window renders exactly what was chosen.
 */
import { Button, Group, Modal, Radio, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import {
  defaultPortfolioChoices,
  portfolioChoicesSchema,
  portfolioRoute,
  portfolioSections,
  portfolioSorts,
  type PortfolioChoices,
  type PortfolioSort,
} from '../../../../shared/print-options';
import { PageFields, SectionsField } from './PrintChoiceFields';

export function PrintPortfolioButton() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        Portfolio report…
      </Button>
      {opened && <PrintPortfolioDialog onClose={() => setOpened(false)} />}
    </>
  );
}

function PrintPortfolioDialog({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const [choices, setChoices] = useState<PortfolioChoices>(() =>
    defaultPortfolioChoices('Confidential'),
  );
  const checked = portfolioChoicesSchema.safeParse(choices);
  const problem = (field: string) =>
    checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === field)?.message;
  return (
    <Modal opened onClose={onClose} title="Portfolio report">
      <Stack gap="md">
        <Radio.Group
          label="Disputes"
          value={choices.statuses}
          onChange={(value) =>
            setChoices((c) => ({ ...c, statuses: value as PortfolioChoices['statuses'] }))
          }
        >
          <Stack gap={6} mt={6}>
            <Radio value="open" label="Open disputes only (not settled or closed)" />
            <Radio value="all" label="All disputes" />
          </Stack>
        </Radio.Group>
        <SectionsField
          options={portfolioSections}
          value={choices.sections}
          onChange={(sections) => setChoices((c) => ({ ...c, sections }))}
          error={problem('sections')}
        />
        <Select
          label="Order the disputes by"
          data={portfolioSorts.map((s) => ({ value: s.value, label: s.label }))}
          value={choices.sort}
          onChange={(value) => value && setChoices((c) => ({ ...c, sort: value as PortfolioSort }))}
          allowDeselect={false}
        />
        <PageFields
          paper={choices.paper}
          line={choices.line}
          onChange={(page) => setChoices((c) => ({ ...c, ...page }))}
          lineError={problem('line')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!checked.success}
            onClick={() => {
              if (checked.success) navigate(portfolioRoute(checked.data));
            }}
          >
            Open the report
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
