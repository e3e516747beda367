import { Alert, List } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { jurisdictionName } from '../../../../shared/domain/jurisdiction';
import { db } from '../../db/db';
import {
  UPGRADE_REPORT_KEY,
  type UpgradeReport as Report,
} from '../../db/migrations/0005-patent-number-key';

/**
 * What the version 5 upgrade did to patents it could not leave as they were: records of one
 * patent merged, jurisdictions it could not read. Shown until the person dismisses it.
 */
export function UpgradeReport() {
  const report = useLiveQuery(
    async () => (await db.settings.get(UPGRADE_REPORT_KEY))?.value as Report | undefined,
  );
  if (!report) return null;
  return (
    <Alert
      color="yellow"
      title="Checked when patent numbers became unique"
      withCloseButton
      closeButtonLabel="Dismiss this report"
      onClose={() => void db.settings.delete(UPGRADE_REPORT_KEY)}
    >
      <List size="sm">
        {report.mergedPatents.map((m) => (
          <List.Item key={m.mergedId}>
            Two records of {m.number} were one patent and are now one
            {m.conflicts.length > 0 ? `; ${m.conflicts.join('; ')}` : ''}.
          </List.Item>
        ))}
        {report.unknownJurisdictions.map((u) => (
          <List.Item key={u.patentId}>
            A patent’s jurisdiction “{jurisdictionName(u.jurisdiction)}” is not on the list: choose
            one when you next edit it.
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
