/**
 * History in a counsel's words. An audit entry stores property names and raw values; this turns
 * it into a headline naming the record ("Added Xiaomi Corporation as defendant", "Asserted
 * CN 1234567 in (2023) Case 12") and lines of "Label: old → new", nested values by their path
 * ("Licence territory: Worldwide → China"), each value formatted as the screens format it. Ids
 * are named from the names the entry kept when it was written, else from what is still on file.
 */
import { recordName } from '../../../../shared/domain/display-names';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import type { AuditEntry } from '../../../../shared/domain/schemas';
import {
  assertionStatus,
  deadlineKind,
  disputeStatus,
  documentKind,
  fieldLabels,
  judgmentResult,
  licenceType,
  noteKind,
  ourRole,
  partyRole,
  privilege,
  proceedingKind,
  proceedingStage,
  resolutionKind,
  textStatus,
} from '../../../../shared/domain/vocabulary';
import { firstWords } from '../../../../shared/text/first-words';
import { plural } from '../../../../shared/text/plural';
import { formatBytes } from '../../ui/format-bytes';
import { NOT_RECORDED } from '../../ui/NotRecorded';

/** Fields History never shows: identity and bookkeeping. */
/** Bookkeeping and keys derived from other fields (audit.ts leaves the latter out too). */
export const HIDDEN_FIELDS = new Set([
  'id',
  'disputeId',
  'createdAt',
  'updatedAt',
  'nameKey',
  'numberKey',
  'matchKeys',
]);

type Vocabulary = { labels: Record<string, string> };

/** Closed choices, by entity and field path, shown by their words. */
const choices: Record<string, Record<string, Vocabulary>> = {
  dispute: {
    ourRole,
    status: disputeStatus,
    privilege,
    'resolution.kind': resolutionKind,
    'resolution.judgmentResult': judgmentResult,
    'resolution.licence.type': licenceType,
  },
  party: { role: partyRole },
  proceeding: { kind: proceedingKind, stage: proceedingStage },
  assertion: { status: assertionStatus },
  document: { kind: documentKind, privilege, textStatus },
  note: { kind: noteKind, privilege },
  deadline: { kind: deadlineKind },
};

const REFERENCE_FIELDS = new Set([
  'organisationId',
  'ownerId',
  'patentId',
  'proceedingId',
  'documentIds',
]);
const DATE_FIELDS = new Set(['openedOn', 'closedOn', 'filedOn', 'expiresOn', 'date']);
const LONG_TEXT = 160;

export type NameLookup = {
  /** The current name of a record referred to by id, if it is still on file. */
  nameOf: (id: string) => string | undefined;
  /** The current name of the changed record itself, if it is still on file. */
  subjectOf?: (entity: string, entityId: string) => string | undefined;
};

export type HistoryLine = { label: string; text: string };

export type HistoryItem = {
  key: string;
  at: string;
  /** The local calendar day, YYYY-MM-DD, that History groups by. */
  day: string;
  headline: string;
  lines: HistoryLine[];
};

function labelsOf(entity: string): Record<string, string> {
  return (fieldLabels as Record<string, Record<string, string>>)[entity] ?? {};
}

/** "matterNumber" → "Matter number": only for a field the vocabulary does not know yet. */
function humanise(path: string): string {
  const last = path.split('.').at(-1) ?? path;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(entity: string, path: string): string {
  return labelsOf(entity)[path] ?? humanise(path);
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function short(text: string): string {
  return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT).trimEnd()}…` : text;
}

/** A value as the screens show it. */
export function formatValue(
  entity: string,
  path: string,
  value: unknown,
  nameOf: (id: string) => string | undefined,
): string {
  if (isEmpty(value)) return NOT_RECORDED;
  const field = path.split('.').at(-1) ?? path;
  const vocabulary = choices[entity]?.[path];
  if (vocabulary && typeof value === 'string') return vocabulary.labels[value] ?? value;
  if (REFERENCE_FIELDS.has(field)) {
    const ids = (Array.isArray(value) ? value : [value]).map(String);
    const named = ids.map((id) => nameOf(id));
    if (field === 'documentIds') {
      // Entries written before notes named their documents (schema 8) may name none of them, and
      // a document deleted since may be unnamed: those are counted rather than called gone.
      const known = named.filter((name): name is string => name !== undefined);
      const unnamed = ids.length - known.length;
      if (known.length === 0) return plural(ids.length, 'linked document');
      return unnamed === 0
        ? known.join(', ')
        : `${known.join(', ')} and ${plural(unnamed, 'other linked document')}`;
    }
    return named.map((name) => name ?? 'a record no longer on file').join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    if (field === 'size') return formatBytes(value);
    if (field === 'reminderDays') return `${plural(value, 'day')} before`;
    return new Intl.NumberFormat().format(value);
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'string') {
    if (DATE_FIELDS.has(field)) return formatPartialDate(value);
    if (field === 'body') return firstWords(value, 24);
    return short(value);
  }
  if (isPlainObject(value)) {
    return Object.entries(value)
      .filter(([, v]) => !isEmpty(v))
      .map(
        ([k, v]) =>
          `${fieldLabel(entity, `${path}.${k}`)}: ${formatValue(entity, `${path}.${k}`, v, nameOf)}`,
      )
      .join('; ');
  }
  return String(value);
}

/** Leaves of a value by dotted path: `{ licence: { territory } }` → `licence.territory`. */
function leaves(path: string, value: unknown, into: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(`${path}.${key}`, inner, into);
  } else {
    into.set(path, value);
  }
  return into;
}

/** The order the form shows the fields in, so lines read top to bottom like the form. */
function byFormOrder(entity: string) {
  const order = Object.keys(labelsOf(entity));
  const rank = (path: string) => {
    const index = order.indexOf(path);
    return index === -1 ? order.length : index;
  };
  return (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
}

function changeLines(entry: AuditEntry, nameOf: (id: string) => string | undefined) {
  const lines: { path: string; text: string }[] = [];
  for (const change of entry.changes) {
    if (HIDDEN_FIELDS.has(change.field)) continue;
    const before = leaves(change.field, change.old, new Map());
    const after = leaves(change.field, change.new, new Map());
    for (const path of new Set([...before.keys(), ...after.keys()])) {
      const old = before.get(path);
      const next = after.get(path);
      if (JSON.stringify(old ?? null) === JSON.stringify(next ?? null)) continue;
      if (isEmpty(old) && isEmpty(next)) continue;
      lines.push({
        path,
        text: `${formatValue(entry.entity, path, old, nameOf)} → ${formatValue(entry.entity, path, next, nameOf)}`,
      });
    }
  }
  return lines;
}

/** The fields a record was given (or had when it went), empty ones left out. */
function givenLines(
  entry: AuditEntry,
  record: Record<string, unknown>,
  nameOf: (id: string) => string | undefined,
) {
  const lines: { path: string; text: string }[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (HIDDEN_FIELDS.has(field)) continue;
    for (const [path, leaf] of leaves(field, value, new Map())) {
      if (isEmpty(leaf)) continue;
      lines.push({ path, text: formatValue(entry.entity, path, leaf, nameOf) });
    }
  }
  return lines;
}

const what: Record<string, string> = {
  dispute: 'the dispute',
  organisation: 'organisation',
  party: 'party',
  proceeding: 'proceeding',
  patent: 'patent',
  assertion: 'assertion of',
  document: 'document',
  note: 'note',
  deadline: 'deadline',
};

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function headline(entry: AuditEntry, subject: string, record: Record<string, unknown>): string {
  const noun = what[entry.entity] ?? entry.entity;
  const named = subject ? `${noun} ${subject}` : noun;
  const role =
    typeof record.role === 'string' ? lower(partyRole.labels[record.role as 'other'] ?? '') : '';
  switch (entry.action as string) {
    case 'create':
      if (entry.entity === 'party') return `Added ${subject} as ${role}`;
      if (entry.entity === 'assertion') return `Asserted ${subject}`;
      if (entry.entity === 'dispute') return `Opened the dispute ${subject}`;
      return `Added ${named}`;
    case 'update':
      return `Changed ${named}`;
    case 'delete':
      if (entry.entity === 'party') return `Removed ${subject} as ${role}`;
      if (entry.entity === 'assertion') return `Removed the assertion of ${subject}`;
      return `Deleted ${named}`;
    case 'restore':
      return `Restored ${named} from the trash`;
    case 'purge':
      return `Deleted ${named} for good (emptied from the trash)`;
    default:
      return entry.summary;
  }
}

/** The local calendar day of a timestamp. */
function localDay(iso: string): string {
  const at = new Date(iso);
  const month = String(at.getMonth() + 1).padStart(2, '0');
  const day = String(at.getDate()).padStart(2, '0');
  return `${at.getFullYear()}-${month}-${day}`;
}

export function formatHistoryEntry(entry: AuditEntry, lookup: NameLookup): HistoryItem {
  const nameOf = (id: string) => entry.names?.[id] ?? lookup.nameOf(id);
  const action = entry.action as string;
  // What the record held: its new values, or the old ones where it has none (a deletion).
  const record = Object.fromEntries(entry.changes.map((c) => [c.field, c.new ?? c.old]));
  const subject =
    entry.subject ??
    lookup.subjectOf?.(entry.entity, entry.entityId) ??
    (action === 'update' ? '' : recordName(entry.entity, record, nameOf));
  const order = byFormOrder(entry.entity);
  const raw =
    action === 'update'
      ? changeLines(entry, nameOf)
      : action === 'create'
        ? givenLines(entry, record, nameOf)
        : [];
  return {
    key: String(entry.seq ?? `${entry.at}-${entry.entityId}`),
    at: entry.at,
    day: localDay(entry.at),
    headline: headline(entry, subject, record),
    lines: raw
      .sort((a, b) => order(a.path, b.path))
      .map((line) => ({ label: fieldLabel(entry.entity, line.path), text: line.text })),
  };
}

export type HistoryDay = { day: string; items: HistoryItem[] };

/** Entries (newest first) grouped under the day they were made. */
export function groupByDay(items: HistoryItem[]): HistoryDay[] {
  const days: HistoryDay[] = [];
  for (const item of items) {
    const last = days.at(-1);
    if (last?.day === item.day) last.items.push(item);
    else days.push({ day: item.day, items: [item] });
  }
  return days;
}
