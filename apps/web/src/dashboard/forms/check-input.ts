import { fieldMessage, type Locale } from '@mnpddh/shared';
import type { ZodType } from 'zod';

/** A form's own words for its fields, shown when the schema refuses one for being empty or unchosen. */
export type FieldWords = Readonly<Partial<Record<string, string>>>;

export type Verdict<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly fields: Record<string, string> };

/**
 * The shared schema's verdict on what a form is about to send: the rules the
 * API applies, from the same schema, so no form keeps its own copy of them
 * (an override needing a reason, a closing needing its outcome…). Each refused
 * field gets one message: a named rule's own wording (the API's), else the
 * form's word for that field, else `required`. Fields are keyed as the API's
 * refusals are (first path segment), so both land on the same input.
 */
export function checkInput<T>(schema: ZodType<T>, body: unknown, locale: Locale, words: { required: string; fields?: FieldWords }): Verdict<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    fields[name] ??= (issue.code === 'custom' ? fieldMessage(issue.message, locale) : undefined) ?? words.fields?.[name] ?? words.required;
  }
  return { ok: false, fields };
}
