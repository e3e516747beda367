import { Anchor, Card, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { Link } from 'wouter';
import { partyRole } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { statusLabel } from '../disputes/labels';
import { checkName, describeConflicts } from './organisation-queries';

/**
 * "Check a name": before taking on a matter, is this company already in our disputes, under this
 * name or another spelling? Matches names and aliases loosely (organisation-key.ts).
 */
export function NameCheck() {
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text.trim());
  const matches = useLiveQuery(() => (deferred ? checkName(db, deferred) : []), [deferred]);
  return (
    <Card withBorder component="section" aria-labelledby="name-check-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="name-check-title">
          Check a name
        </Title>
        <TextInput
          label="Company name"
          description="Matched loosely: case, punctuation and legal forms (Co., Ltd., Inc., GmbH, 有限公司…) are ignored"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maw={480}
        />
        {deferred && matches && (
          <output aria-live="polite">
            {matches.length === 0 ? (
              <Text>No organisation on file matches “{deferred}”.</Text>
            ) : (
              <List spacing="xs" aria-label="Matching organisations">
                {matches.map(({ organisation, matchedBy, links }) => (
                  <List.Item key={organisation.id}>
                    <Text fw={600} span>
                      {organisation.name}
                    </Text>
                    {matchedBy !== organisation.name && (
                      <Text span size="sm">
                        {' '}
                        (as “{matchedBy}”)
                      </Text>
                    )}
                    <Text size="sm">
                      {links.length === 0
                        ? 'In no dispute.'
                        : `${describeConflicts(links)}: ${links
                            .map(
                              (l) =>
                                `${l.dispute.title} (${partyRole.labels[l.party.role]}, ${
                                  l.party.ourSide ? 'our side' : 'counterparty'
                                }, ${statusLabel(l.dispute.status)})`,
                            )
                            .join('; ')}`}
                    </Text>
                    {links.length > 0 && (
                      <Anchor component={Link} href={`/disputes/${links[0]!.dispute.id}`} size="sm">
                        Open {links[0]!.dispute.title}
                      </Anchor>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </output>
        )}
      </Stack>
    </Card>
  );
}
