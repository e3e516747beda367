/**
 * The zod schemas of every record Casefile keeps. Forms, repositories, IPC handlers and importers
 * all validate with these, so a value that passes here is a value the app can store and show.
 * `…InputSchema` is what a person (or an import) supplies; the record schema adds the identity and
 * bookkeeping fields the repositories set. Optional text is stored as '' rather than left out, so
 * forms, bundles and comparisons see one shape.
 */
import { z } from 'zod';
import { isJurisdiction } from './jurisdiction';
import { isPartialDate, isFullDate } from './partial-date';
import { parsePatentNumber } from './patent-number';
import {
  assertionStatus,
  deadlineKind,
  disputeStatus,
  documentKind,
  licenceType,
  noteKind,
  ourRole,
  partyRole,
  privilege,
  proceedingKind,
  proceedingStage,
  resolutionKind,
  judgmentResult,
  textStatus,
} from './vocabulary';

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const optionalText = (max: number) => text(max).default('');
const requiredText = (max: number, message: string) => text(max).min(1, message);

export const idSchema = z.string().min(1).max(64);
export const timestampSchema = z.iso.datetime({ offset: true });

export const partialDateSchema = z
  .string()
  .trim()
  .refine(
    (value) => value === '' || isPartialDate(value),
    'Enter a real date as YYYY-MM-DD, or YYYY-MM or YYYY if that is all that is known.',
  )
  .default('');

export const fullDateSchema = z
  .string()
  .trim()
  .refine(isFullDate, 'Enter a real date as YYYY-MM-DD.');

/** "1-5, 9": claim numbers and ascending ranges; empty when not yet known. */
export const CLAIMS_PATTERN = /^\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*$/;

export const claimsSchema = z
  .string()
  .trim()
  .max(200)
  .refine(
    (value) => value === '' || CLAIMS_PATTERN.test(value),
    'List claims as numbers and ranges, such as "1-5, 9".',
  )
  .refine(
    (value) =>
      value === '' ||
      value
        .split(',')
        .map((part) => part.split(/[-–]/).map((n) => Number(n.trim())))
        .every(
          (range) => range.every((n) => n >= 1) && (range.length < 2 || range[0]! < range[1]!),
        ),
    'Claim numbers start at 1 and each range runs from low to high, such as "1-5".',
  )
  .default('');

const tagsSchema = z
  .array(requiredText(40, 'A tag cannot be empty.'))
  .max(30, 'Use at most 30 tags.')
  .default([])
  .transform((tags) => [...new Set(tags)]);

const bookkeeping = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

export const licenceTermsSchema = z.object({
  type: z.enum(licenceType.values).nullable().default(null),
  scope: optionalText(2000),
  territory: optionalText(500),
  term: optionalText(500),
  consideration: optionalText(2000),
});

export const resolutionSchema = z.object({
  kind: z.enum(resolutionKind.values),
  date: partialDateSchema,
  /**
   * How a judgment went for us. Absent on outcomes recorded before it was kept, and meaningless
   * for other kinds: read it through `judgmentResultOf` (portfolio-groups.ts), never directly.
   */
  judgmentResult: z.enum(judgmentResult.values).optional(),
  licence: licenceTermsSchema.nullable().default(null),
  text: optionalText(20000),
});

/**
 * An outcome as counsel record it ("Record settlement", "Record outcome"): what ended the dispute
 * must be chosen, and its date given, or said explicitly not to be known ("Date not given"), so
 * an empty form can never settle a dispute. `dateNotGiven` is not stored: an outcome without a
 * date has `date: ''`.
 */
export const recordedOutcomeSchema = resolutionSchema
  .extend({
    kind: z.enum(resolutionKind.values, { error: 'Choose what ended the dispute.' }),
    dateNotGiven: z.boolean().default(false),
  })
  .refine((r) => r.date !== '' || r.dateNotGiven, {
    path: ['date'],
    message: 'Enter the date of the outcome, or tick “Date not given” if it is not known.',
  })
  // A judgment's result is kept only on a judgment ("Not recorded" unless chosen).
  .transform(({ dateNotGiven: _dateNotGiven, judgmentResult: result, ...resolution }) =>
    resolution.kind === 'judgment'
      ? { ...resolution, judgmentResult: result ?? 'not-recorded' }
      : resolution,
  );

/** Licence terms are kept only when at least one of them was filled in. */
export function withoutEmptyLicence<R extends z.output<typeof resolutionSchema>>(resolution: R): R {
  const l = resolution.licence;
  const empty = l && !l.type && !l.scope && !l.territory && !l.term && !l.consideration;
  return empty ? { ...resolution, licence: null } : resolution;
}

export const disputeInputSchema = z
  .object({
    title: requiredText(200, 'Give the dispute a title, such as "Huawei v. Xiaomi".'),
    matterNumber: optionalText(60),
    ourRole: z.enum(ourRole.values),
    status: z.enum(disputeStatus.values),
    summary: optionalText(20000),
    tags: tagsSchema,
    privilege: z.enum(privilege.values).default('attorney-client-work-product'),
    openedOn: partialDateSchema,
    closedOn: partialDateSchema,
    resolution: resolutionSchema.nullable().default(null),
    /**
     * The status and closed date the dispute had before its outcome was recorded, put back when
     * the outcome is removed (shared/domain/dispute-life.ts). Set by the write path, not by forms.
     */
    beforeOutcome: z
      .object({ status: z.enum(disputeStatus.values), closedOn: partialDateSchema })
      .nullable()
      .default(null),
  })
  .refine(
    (d) => !d.openedOn || !d.closedOn || d.openedOn.slice(0, d.closedOn.length) <= d.closedOn,
    {
      path: ['closedOn'],
      message: 'A dispute cannot close before it opened.',
    },
  );

/** How a dispute numbers its exhibits: "CX-001", "CX-002" … (see exhibits.ts). */
export const exhibitSchemeSchema = z.object({
  prefix: z.string().trim().max(20, 'Keep the prefix under 20 characters.'),
  start: z.number().int().min(0).max(99999),
});

export const disputeSchema = disputeInputSchema.safeExtend({
  ...bookkeeping,
  exhibitScheme: exhibitSchemeSchema.optional(),
});

export const organisationInputSchema = z.object({
  name: requiredText(200, 'Enter the organisation’s name.'),
  country: optionalText(80),
  notes: optionalText(5000),
  /** Other names of the same company ("Xiaomi Corp", "小米"), kept when records are merged. */
  aliases: z
    .array(requiredText(200, 'An alias cannot be empty.'))
    .max(50, 'Keep at most 50 aliases.')
    .default([])
    .transform((aliases) => [...new Set(aliases)]),
});

export const organisationSchema = organisationInputSchema.extend({
  ...bookkeeping,
  /** Lower-cased, space-folded name: the unique key that stops "Xiaomi" being stored twice. */
  nameKey: z.string().min(1),
  /** Loose keys of the name and every alias (organisation-key.ts), for "Check a name". */
  matchKeys: z.array(z.string()).default([]),
});

export const disputePartyInputSchema = z.object({
  disputeId: idSchema,
  organisationId: idSchema,
  role: z.enum(partyRole.values),
  /** True for the counsel's own company (or its client): the others are the counterparties. */
  ourSide: z.boolean().default(false),
  outsideCounsel: optionalText(500),
  notes: optionalText(5000),
});

export const disputePartySchema = disputePartyInputSchema.extend(bookkeeping);

export const proceedingInputSchema = z
  .object({
    disputeId: idSchema,
    kind: z.enum(proceedingKind.values).default('infringement'),
    forum: optionalText(200),
    country: optionalText(80),
    caseNumber: optionalText(100),
    judge: optionalText(200),
    filedOn: partialDateSchema,
    stage: z.enum(proceedingStage.values).default('pleadings'),
    closedOn: partialDateSchema,
    outcome: optionalText(5000),
  })
  .refine((p) => p.forum !== '' || p.country !== '', {
    path: ['forum'],
    message: 'Name the court or forum, or at least its country.',
  })
  .refine((p) => !p.filedOn || !p.closedOn || p.filedOn.slice(0, p.closedOn.length) <= p.closedOn, {
    path: ['closedOn'],
    message: 'A proceeding cannot close before it was filed.',
  });

export const proceedingSchema = proceedingInputSchema.safeExtend(bookkeeping);

const patentFields = z.object({
  number: optionalText(60),
  /** A code from shared/domain/jurisdiction.ts ("CN", "EP", "UPC"), or '' when not known. */
  jurisdiction: optionalText(80),
  title: optionalText(500),
  ownerId: idSchema.nullable().default(null),
  technology: optionalText(200),
  family: optionalText(100),
  expiresOn: partialDateSchema,
  sep: z.boolean().default(false),
});

const patentIdentified = (p: { number: string; title: string; technology: string }) =>
  p.number !== '' || p.title !== '' || p.technology !== '';
const patentIdentifiedIssue = {
  path: ['number'],
  message: 'Give the patent’s number, or its title or technology if the number is not known.',
};

/** What a person enters: the number must fit its office's form and the jurisdiction the list. */
export const patentInputSchema = patentFields
  .refine(patentIdentified, patentIdentifiedIssue)
  .superRefine((p, ctx) => {
    if (p.jurisdiction !== '' && !isJurisdiction(p.jurisdiction)) {
      ctx.addIssue({
        code: 'custom',
        path: ['jurisdiction'],
        message: 'Choose the jurisdiction from the list (a country, EP, WO or UPC).',
      });
      return;
    }
    if (p.number === '') return;
    const parsed = parsePatentNumber(p.number, p.jurisdiction);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['number'], message: parsed.message });
  });

/**
 * A stored patent. Its number and jurisdiction are not re-checked here: records kept from before
 * the checks existed (and backups of them) must still load. `numberKey` is the normalised number
 * (patent-number.ts) under which a patent is unique; null when it has no number.
 */
export const patentSchema = patentFields
  .extend({ ...bookkeeping, numberKey: z.string().min(1).nullable().default(null) })
  .refine(patentIdentified, patentIdentifiedIssue);

export const assertionInputSchema = z.object({
  disputeId: idSchema,
  proceedingId: idSchema,
  patentId: idSchema,
  claims: claimsSchema,
  status: z.enum(assertionStatus.values).default('asserted'),
  notes: optionalText(5000),
});

export const assertionSchema = assertionInputSchema.extend(bookkeeping);

export const documentInputSchema = z.object({
  disputeId: idSchema,
  proceedingId: idSchema.nullable().default(null),
  title: requiredText(300, 'Give the document a title.'),
  kind: z.enum(documentKind.values).default('other'),
  filedOn: partialDateSchema,
  docketEntry: optionalText(40),
  filedBy: optionalText(200),
  language: optionalText(40),
  privilege: z.enum(privilege.values).default('none'),
  notes: optionalText(10000),
});

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 digest.');

/** The headers of an e-mail filed as a correspondence document (the bytes are the e-mail). */
export const emailFactsSchema = z.object({
  from: z.string().max(1000),
  to: z.array(z.string().max(1000)).max(500),
  cc: z.array(z.string().max(1000)).max(500),
  /** When it was sent, as an ISO timestamp, or '' when the e-mail does not say. */
  sentAt: z.union([timestampSchema, z.literal('')]),
  subject: z.string().max(2000),
});

export const documentSchema = documentInputSchema.extend({
  ...bookkeeping,
  fileName: requiredText(500, 'The file has no name.'),
  mimeType: text(200),
  size: z.number().int().positive(),
  sha256: sha256Schema,
  pageCount: z.number().int().nonnegative().nullable().default(null),
  textStatus: z.enum(textStatus.values).default('pending'),
  /** Set on a document that is an e-mail. */
  email: emailFactsSchema.optional(),
  /** Set on a document that came as an attachment of an e-mail: that e-mail's document id. */
  emailId: idSchema.optional(),
  /** When it reached us (an attachment: its e-mail's date). */
  receivedOn: partialDateSchema.optional(),
  /** Its place in the dispute's exhibit list (1 = first), when it is an exhibit. */
  exhibitOrder: z.number().int().positive().optional(),
});

export const storedFileSchema = z.object({
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  mimeType: text(200),
  storedAt: timestampSchema,
});

export const documentTextSchema = z.object({
  sha256: sha256Schema,
  pages: z.array(z.string()),
  /** How the text was got: from the PDF's own text layer (absent: older records) or by OCR. */
  source: z.enum(['pdf', 'ocr']).optional(),
  /** OCR only: Tesseract's mean confidence per page, 0–100. */
  confidence: z.array(z.number().min(0).max(100)).optional(),
});

/**
 * A file waiting for, or part-way through, OCR (one per SHA-256, like its text). Pages read so far
 * are kept, so a cancelled or interrupted run resumes at the next page. Removed when the text is
 * stored; derived bookkeeping, so archives do not carry it.
 */
export const ocrJobSchema = z.object({
  sha256: sha256Schema,
  state: z.enum(['queued', 'cancelled', 'failed']),
  languages: z.array(z.string().min(1)).min(1),
  pageCount: z.number().int().positive().nullable(),
  pages: z.array(z.string()),
  confidence: z.array(z.number().min(0).max(100)),
  message: z.string(),
  updatedAt: timestampSchema,
});

/**
 * Where OCR found each word on one page of a file, so the preview can lay the words over the
 * scan as selectable text. Coordinates are pixels of the image Tesseract read (a PDF page rendered
 * at 300 dpi, or the image itself), `width` × `height` of that image. Compact on purpose: `words`
 * in reading order, `lines` the index of each line's first word, `boxes` four integers per word
 * (left, top, right, bottom). One record per page, so a preview reads only the page it shows and
 * no record grows with the file. Derived from the bytes, but backups carry it as they carry the
 * texts, so a restore does not have to read every scan again (bundles do not).
 */
export const ocrLayoutSchema = z
  .object({
    sha256: sha256Schema,
    page: z.number().int().positive(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    words: z.array(z.string().min(1)),
    lines: z.array(z.number().int().nonnegative()),
    boxes: z.array(z.number().int()),
  })
  .refine((layout) => layout.boxes.length === layout.words.length * 4, {
    message: 'Every word needs four box coordinates.',
  });

export const privilegedByDefault = 'attorney-client-work-product' as const;

export const amountSchema = z
  .union([z.number(), z.string().trim()])
  .transform((value, ctx) => {
    if (value === '') return null;
    const number = typeof value === 'number' ? value : Number(value.replace(/[\s,]/g, ''));
    if (!Number.isFinite(number)) {
      ctx.addIssue({ code: 'custom', message: 'Enter the amount as a number, such as 2500000.' });
      return z.NEVER;
    }
    if (number < 0) {
      ctx.addIssue({ code: 'custom', message: 'An amount cannot be negative.' });
      return z.NEVER;
    }
    return number;
  })
  .nullable()
  .default(null);

export const noteInputSchema = z
  .object({
    disputeId: idSchema,
    // Partial, not full: what counsel learn of is often dated only to the month ("in March 2023")
    // or not at all ("announced on Wednesday"). Empty means "date not given"; forms default to
    // today, and the timeline lists undated notes last, under "Undated".
    date: partialDateSchema,
    kind: z.enum(noteKind.values),
    participants: optionalText(1000),
    amount: amountSchema,
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(
        (c) => c === '' || /^[A-Z]{3}$/.test(c),
        'Use a three-letter currency code, such as USD.',
      )
      .default(''),
    title: optionalText(300),
    body: optionalText(100000),
    documentIds: z.array(idSchema).default([]),
    privilege: z.enum(privilege.values).default(privilegedByDefault),
    recordsResolution: z.boolean().default(false),
  })
  .refine((n) => n.amount === null || n.currency !== '', {
    path: ['currency'],
    message: 'Say which currency the amount is in.',
  });

export const noteSchema = noteInputSchema.safeExtend(bookkeeping);

export const deadlineInputSchema = z.object({
  disputeId: idSchema,
  proceedingId: idSchema.nullable().default(null),
  date: fullDateSchema,
  time: z
    .string()
    .trim()
    .refine((t) => t === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(t), 'Enter the time as HH:MM.')
    .default(''),
  timeZone: optionalText(64),
  kind: z.enum(deadlineKind.values),
  title: requiredText(300, 'Say what is due.'),
  responsible: optionalText(200),
  reminderDays: z
    .number({ error: 'Enter the reminder as a whole number of days.' })
    .int('Enter the reminder as a whole number of days.')
    .min(0, 'A reminder cannot come after the deadline.')
    .max(365, 'Set the reminder at most 365 days before.')
    .nullable()
    .default(null),
  done: z.boolean().default(false),
});

export const deadlineSchema = deadlineInputSchema.extend(bookkeeping);

export const auditActionSchema = z.enum(['create', 'update', 'delete', 'restore', 'purge']);

export const auditChangeSchema = z.object({
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
});

export const auditEntrySchema = z.object({
  seq: z.number().int().positive().optional(),
  at: timestampSchema,
  entity: z.string(),
  entityId: idSchema,
  disputeId: idSchema.nullable(),
  action: auditActionSchema,
  summary: z.string(),
  changes: z.array(auditChangeSchema),
  /**
   * The names, at the time of the change, of the records it refers to by id (organisation,
   * patent, proceeding, documents), so History still reads "Added Xiaomi Corporation as
   * defendant" after the organisation is renamed or deleted. Entries written before it was kept
   * have none; History then names what it still finds.
   */
  names: z.record(z.string(), z.string()).optional(),
  /** The changed record's own name at the time ("Xiaomi Corporation" for its party link). */
  subject: z.string().optional(),
});

/**
 * One delete, kept for 30 days: every record it took (the record itself and its cascade), by
 * table, so that restoring it puts back exactly what the delete removed. `sha256s` names the
 * files its documents use: their bytes stay until the entry is purged.
 */
export const trashEntrySchema = z.object({
  id: idSchema,
  deletedAt: timestampSchema,
  entity: z.string(),
  entityId: idSchema,
  disputeId: idSchema.nullable(),
  summary: z.string(),
  records: z.record(z.string(), z.array(z.unknown())),
  sha256s: z.array(sha256Schema),
});

export type TrashEntry = z.infer<typeof trashEntrySchema>;
export type LicenceTerms = z.infer<typeof licenceTermsSchema>;
export type Resolution = z.infer<typeof resolutionSchema>;
export type DisputeInput = z.input<typeof disputeInputSchema>;
export type Dispute = z.infer<typeof disputeSchema>;
export type OrganisationInput = z.input<typeof organisationInputSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type DisputePartyInput = z.input<typeof disputePartyInputSchema>;
export type DisputeParty = z.infer<typeof disputePartySchema>;
export type ProceedingInput = z.input<typeof proceedingInputSchema>;
export type Proceeding = z.infer<typeof proceedingSchema>;
export type PatentInput = z.input<typeof patentInputSchema>;
export type Patent = z.infer<typeof patentSchema>;
export type AssertionInput = z.input<typeof assertionInputSchema>;
export type Assertion = z.infer<typeof assertionSchema>;
export type DocumentInput = z.input<typeof documentInputSchema>;
export type CaseDocument = z.infer<typeof documentSchema>;
export type EmailFacts = z.infer<typeof emailFactsSchema>;
export type ExhibitScheme = z.infer<typeof exhibitSchemeSchema>;
export type StoredFile = z.infer<typeof storedFileSchema> & { blob: Blob };
export type DocumentText = z.infer<typeof documentTextSchema>;
export type OcrJob = z.infer<typeof ocrJobSchema>;
export type OcrLayout = z.infer<typeof ocrLayoutSchema>;
export type NoteInput = z.input<typeof noteInputSchema>;
export type Note = z.infer<typeof noteSchema>;
export type DeadlineInput = z.input<typeof deadlineInputSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type AuditChange = z.infer<typeof auditChangeSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
