/**
 * Forms validate with the same zod schemas as the repositories, through Mantine's standard-schema
 * resolver, so a message appears by its field before anything is sent. Checks only the database
 * can make (a name already taken) come back as a ValidationError and land by their field too.
 */
import { useForm, schemaResolver, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { ValidationError } from '../../../shared/validation';
import { describeDatabaseError } from '../db/db-health';
import { notifyError } from './notify';

export function useZodForm<S extends z.ZodType, V extends Record<string, unknown>>(
  schema: S,
  initialValues: V,
): UseFormReturnType<V> {
  return useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: schemaResolver(schema, { sync: true }),
    validateInputOnBlur: true,
  });
}

/** Shows an unexpected failure in words; returns false so callers can keep a dialog open. */
export function reportError(error: unknown, what: string): false {
  const message =
    describeDatabaseError(error) ?? (error instanceof Error ? error.message : String(error));
  notifyError(what, message);
  return false;
}

/**
 * Runs `save` with the form's values if they pass. A ValidationError is shown by its fields;
 * anything else as a notification. Answers whether the save went through.
 */
export async function submitForm<V>(
  form: UseFormReturnType<V>,
  save: (values: V) => Promise<unknown>,
  what: string,
): Promise<boolean> {
  if (form.validate().hasErrors) return false;
  try {
    await save(form.getValues());
    return true;
  } catch (error) {
    if (error instanceof ValidationError) {
      form.setErrors(error.fieldErrors);
      return false;
    }
    return reportError(error, what);
  }
}
