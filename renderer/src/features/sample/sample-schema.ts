/**
 * The format of `resources/sample/sample-case-file.json`: the sample disputes as data, written by
 * hand and loaded by `load-sample.ts`. Each record is the shared input schema less the database ids
 * the loader supplies; records point at one another by local keys (`"org": "huawei"`,
 * `"proceeding": "cn-2023"`), and the checks below resolve every key, so a file that parses here
 * is one the repositories accept whole. Objects are strict: a misspelt field in a hand-written
 * file is an error, not a silently dropped value.
 */
import { z } from 'zod';
import { organisationKey } from '../../../../shared/domain/organisation-key';
import {
  assertionInputSchema,
  deadlineInputSchema,
  disputeInputSchema,
  documentInputSchema,
  disputePartyInputSchema,
  noteInputSchema,
  organisationInputSchema,
  patentInputSchema,
  proceedingInputSchema,
} from '../../../../shared/domain/schemas';

const keySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use a key of lower-case letters, digits and hyphens: "cn-2023".');

/** What the loader will put in the id fields; only the shared schemas' cross-field checks see it. */
const STAND_IN_ID = 'sample';

/**
 * Runs a shared schema's cross-field checks (a proceeding needs a forum or a country, …). zod will
 * not `omit` fields from a schema with refinements, so the file's schemas copy the plain fields and
 * add this check, with the ids the loader supplies filled by stand-ins. It runs only once every
 * field has passed, so a bad field is reported once, not again by the shared schema.
 */
function alsoPasses(shared: z.ZodType, supplied: Record<string, unknown>) {
  const check = (value: object, ctx: z.RefinementCtx) => {
    const result = shared.safeParse({ ...value, ...supplied });
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
  };
  const params = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };
  return [check, params] as const;
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

export const sampleOrganisationSchema = organisationInputSchema.extend({ key: keySchema }).strict();

export const samplePartySchema = disputePartyInputSchema
  .omit({ disputeId: true, organisationId: true })
  .extend({ org: keySchema })
  .strict();

export const sampleProceedingSchema = z
  .object(proceedingInputSchema.shape)
  .omit({ disputeId: true })
  .extend({ key: keySchema })
  .strict()
  .superRefine(...alsoPasses(proceedingInputSchema, { disputeId: STAND_IN_ID }));

export const sampleAssertionSchema = assertionInputSchema
  .omit({ disputeId: true, proceedingId: true, patentId: true })
  .extend({ proceeding: keySchema })
  .strict();

/** A patent belongs to a dispute through its assertions, so each patent is asserted at least once. */
export const samplePatentSchema = z
  .object(patentInputSchema.shape)
  .omit({ ownerId: true })
  .extend({
    owner: keySchema.nullable().default(null),
    assertions: z
      .array(sampleAssertionSchema)
      .min(1, 'Assert the patent in at least one proceeding of the dispute.'),
  })
  .strict()
  .superRefine(...alsoPasses(patentInputSchema, { ownerId: null }));

/** Notes never point at documents here: the sample's documents, if any, get their ids on import. */
export const sampleNoteSchema = z
  .object(noteInputSchema.shape)
  .omit({ disputeId: true, documentIds: true })
  .strict()
  .superRefine(...alsoPasses(noteInputSchema, { disputeId: STAND_IN_ID }));

export const sampleDeadlineSchema = deadlineInputSchema
  .omit({ disputeId: true, proceedingId: true })
  .extend({ proceeding: keySchema.nullable().default(null) })
  .strict();

/**
 * A filing of the sample, written as text and turned into a PDF when the sample is loaded
 * (features/documents/summary-pdf.ts), so the file is the project's own work, never a copy.
 */
export const sampleDocumentSchema = documentInputSchema
  .omit({ disputeId: true, proceedingId: true })
  .extend({
    proceeding: keySchema.nullable().default(null),
    fileName: z.string().regex(/^[\w.() -]+\.pdf$/, 'Name the sample filing "something.pdf".'),
    pdf: z.strictObject({
      heading: z.string().min(1),
      date: z.iso.date(),
      paragraphs: z.array(z.string().min(1)).min(1),
    }),
  })
  .strict();

export const sampleDisputeSchema = z
  .object(disputeInputSchema.shape)
  .extend({
    parties: z.array(samplePartySchema).default([]),
    proceedings: z.array(sampleProceedingSchema).default([]),
    patents: z.array(samplePatentSchema).default([]),
    notes: z.array(sampleNoteSchema).default([]),
    deadlines: z.array(sampleDeadlineSchema).default([]),
    documents: z.array(sampleDocumentSchema).default([]),
  })
  .strict()
  .superRefine(...alsoPasses(disputeInputSchema, {}))
  .superRefine((dispute, ctx) => {
    const proceedingKeys = dispute.proceedings.map((p) => p.key);
    for (const key of duplicates(proceedingKeys)) {
      ctx.addIssue({
        code: 'custom',
        path: ['proceedings'],
        message: `Two proceedings are "${key}".`,
      });
    }
    for (const org of duplicates(dispute.parties.map((p) => p.org))) {
      ctx.addIssue({ code: 'custom', path: ['parties'], message: `"${org}" is a party twice.` });
    }
    const known = new Set(proceedingKeys);
    dispute.patents.forEach((patent, p) =>
      patent.assertions.forEach((assertion, a) => {
        if (!known.has(assertion.proceeding)) {
          ctx.addIssue({
            code: 'custom',
            path: ['patents', p, 'assertions', a, 'proceeding'],
            message: `No proceeding of this dispute is "${assertion.proceeding}".`,
          });
        }
      }),
    );
    dispute.documents.forEach((document, d) => {
      if (document.proceeding !== null && !known.has(document.proceeding)) {
        ctx.addIssue({
          code: 'custom',
          path: ['documents', d, 'proceeding'],
          message: `No proceeding of this dispute is "${document.proceeding}".`,
        });
      }
    });
    dispute.deadlines.forEach((deadline, d) => {
      if (deadline.proceeding !== null && !known.has(deadline.proceeding)) {
        ctx.addIssue({
          code: 'custom',
          path: ['deadlines', d, 'proceeding'],
          message: `No proceeding of this dispute is "${deadline.proceeding}".`,
        });
      }
    });
  });

export const sampleCaseFileSchema = z
  .strictObject({
    format: z.literal('casefile-sample'),
    version: z.literal(1),
    organisations: z.array(sampleOrganisationSchema),
    disputes: z.array(sampleDisputeSchema),
  })
  .superRefine((file, ctx) => {
    for (const key of duplicates(file.organisations.map((o) => o.key))) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisations'],
        message: `Two organisations are "${key}".`,
      });
    }
    // findOrCreateOrganisation matches names loosely, so two such names would become one organisation.
    for (const name of duplicates(file.organisations.map((o) => organisationKey(o.name)))) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisations'],
        message: `"${name}" is listed twice.`,
      });
    }
    for (const title of duplicates(file.disputes.map((d) => d.title))) {
      ctx.addIssue({ code: 'custom', path: ['disputes'], message: `Two disputes are "${title}".` });
    }
    const known = new Set(file.organisations.map((o) => o.key));
    file.disputes.forEach((dispute, d) => {
      dispute.parties.forEach((party, p) => {
        if (!known.has(party.org)) {
          ctx.addIssue({
            code: 'custom',
            path: ['disputes', d, 'parties', p, 'org'],
            message: `No organisation is "${party.org}".`,
          });
        }
      });
      dispute.patents.forEach((patent, p) => {
        if (patent.owner !== null && !known.has(patent.owner)) {
          ctx.addIssue({
            code: 'custom',
            path: ['disputes', d, 'patents', p, 'owner'],
            message: `No organisation is "${patent.owner}".`,
          });
        }
      });
    });
  });

export type SampleCaseFile = z.infer<typeof sampleCaseFileSchema>;
export type SampleDispute = z.infer<typeof sampleDisputeSchema>;
export type SampleDocument = z.infer<typeof sampleDocumentSchema>;
