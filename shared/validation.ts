/**
 * Turns zod's issues into what a form shows: one message per field, keyed by the field's path
 * ("resolution.licence.territory"). Repositories throw a `ValidationError` carrying these, so the
 * same words appear whether the check ran in the form, the database layer or an importer.
 */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    errors[key] ??= issue.message;
  }
  return errors;
}

export class ValidationError extends Error {
  readonly fieldErrors: FieldErrors;

  constructor(what: string, fieldErrors: FieldErrors) {
    const first = Object.entries(fieldErrors)[0];
    super(
      first
        ? `${what} was not saved: ${first[0] === '_' ? '' : `${first[0]}: `}${first[1]}`
        : `${what} was not saved.`,
    );
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

/** Parses `value` or throws a ValidationError naming `what` ("The dispute") in the message. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(what, toFieldErrors(result.error));
  return result.data;
}
