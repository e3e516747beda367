import { Alert, Combobox, InputBase, List, Text, useCombobox } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { organisationKey, organisationMatchKey } from '../../../../shared/domain/organisation-key';
import type { Organisation } from '../../../../shared/domain/schemas';
import { partyRole } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { checkName, describeConflicts, organisationLinks } from './organisation-queries';

const CREATE = '\u0000create';
const MAX_OPTIONS = 30;

type Props = {
  organisations: Organisation[];
  /** Organisations already parties to the dispute: not offered again. */
  excludeIds: ReadonlySet<string>;
  /** The dispute being edited: left out of the conflict notice. */
  disputeId: string;
  organisationId: string | null;
  newName: string;
  onChange: (value: { organisationId: string | null; newOrganisationName: string }) => void;
  error?: string;
};

/**
 * One searchable field for a party's organisation: pick one on file (matched by name or alias,
 * loosely), or "Create 'Name'" when none fits. Once chosen, the conflict notice says at once in
 * which other disputes it appears and in which role.
 */
export function OrganisationField(props: Props) {
  const { organisations, excludeIds, organisationId, newName, onChange, error, disputeId } = props;
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const chosen = organisations.find((o) => o.id === organisationId);
  const [query, setQuery] = useState(chosen?.name ?? newName);
  const deferred = useDeferredValue(query);

  const options = useMemo(() => {
    const text = deferred.trim().toLocaleLowerCase('en');
    const key = organisationMatchKey(deferred);
    const offered = organisations.filter((o) => !excludeIds.has(o.id));
    if (!text) return offered.slice(0, MAX_OPTIONS);
    return offered
      .filter(
        (o) =>
          o.nameKey.includes(text) ||
          o.aliases.some((a) => a.toLocaleLowerCase('en').includes(text)) ||
          (key !== '' && o.matchKeys.some((k) => k.includes(key))),
      )
      .slice(0, MAX_OPTIONS);
  }, [organisations, excludeIds, deferred]);

  const trimmed = query.trim();
  const exact = organisations.some((o) => o.nameKey === organisationKey(trimmed));
  const canCreate = trimmed !== '' && !exact;

  const firstOption = options[0]?.id ?? (canCreate ? `${CREATE}${trimmed}` : null);
  useEffect(() => {
    // Enter picks the first suggestion as soon as there is one (never submits the form).
    if (firstOption !== null) combobox.selectFirstOption();
  }, [firstOption, combobox]);

  function choose(value: string) {
    if (value === CREATE) {
      onChange({ organisationId: null, newOrganisationName: trimmed });
      setQuery(trimmed);
    } else {
      const organisation = organisations.find((o) => o.id === value);
      onChange({ organisationId: value, newOrganisationName: '' });
      setQuery(organisation?.name ?? '');
    }
    combobox.closeDropdown();
  }

  return (
    <>
      <Combobox store={combobox} onOptionSubmit={choose}>
        <Combobox.Target>
          <InputBase
            label="Organisation"
            placeholder="Type to search, or a new name"
            description={
              organisationId === null && newName
                ? `A new organisation “${newName}” will be created.`
                : undefined
            }
            data-autofocus
            // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role, jsx-a11y/role-has-required-aria-props -- a text field that opens a list is a combobox; Combobox.Target adds aria-expanded and aria-controls
            role="combobox"
            autoComplete="off"
            value={query}
            error={error}
            rightSection={<Combobox.Chevron />}
            rightSectionPointerEvents="none"
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              onChange({ organisationId: null, newOrganisationName: '' });
              combobox.openDropdown();
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
            {options.map((o) => (
              <Combobox.Option value={o.id} key={o.id}>
                {o.name}
                {o.aliases.length > 0 && (
                  <Text span size="xs">
                    {' '}
                    · also {o.aliases.join(', ')}
                  </Text>
                )}
              </Combobox.Option>
            ))}
            {canCreate && <Combobox.Option value={CREATE}>Create “{trimmed}”</Combobox.Option>}
            {options.length === 0 && !canCreate && (
              <Combobox.Empty>Type the organisation’s name</Combobox.Empty>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {organisationId && chosen && <ConflictNotice organisation={chosen} disputeId={disputeId} />}
      {organisationId === null && newName && <SimilarNames name={newName} />}
    </>
  );
}

function ConflictNotice({
  organisation,
  disputeId,
}: {
  organisation: Organisation;
  disputeId: string;
}) {
  const links = useLiveQuery(() => organisationLinks(db, organisation.id), [organisation.id]);
  if (!links) return null;
  const others = links.filter((l) => l.dispute.id !== disputeId);
  if (others.length === 0) {
    return (
      <Text size="sm" role="note">
        {organisation.name} is in no other dispute.
      </Text>
    );
  }
  return (
    <Alert color="yellow" title={`${organisation.name}: ${describeConflicts(links, disputeId)}`}>
      <List size="sm">
        {others.map(({ party, dispute }) => (
          <List.Item key={party.id}>
            {dispute.title}: {partyRole.labels[party.role]},{' '}
            {party.ourSide ? 'on our side' : 'counterparty'}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Before a new record is made: is this company already on file under another spelling? */
function SimilarNames({ name }: { name: string }) {
  const matches = useLiveQuery(() => checkName(db, name), [name]);
  if (!matches || matches.length === 0) return null;
  return (
    <Alert color="yellow" title="Similar names already on file">
      <List size="sm">
        {matches.slice(0, 5).map(({ organisation, links }) => (
          <List.Item key={organisation.id}>
            {organisation.name}
            {links.length > 0 ? `: ${describeConflicts(links)}` : ''}
          </List.Item>
        ))}
      </List>
      <Text size="sm">Pick it from the list instead if it is the same company.</Text>
    </Alert>
  );
}
