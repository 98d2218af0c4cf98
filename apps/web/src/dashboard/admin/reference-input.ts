import { ReferenceCode, ReferenceItemInput } from '@mnpddh/shared';
import { useReferenceT } from './reference-strings';

type Catalogue = ReturnType<typeof useReferenceT>;

/** What an admin typed in a row or in the add form. */
export interface ItemFields {
  labelFr: string;
  labelEn: string;
  uncertain: boolean;
  active: boolean;
  /** As typed: checked to be a whole number. */
  position: string;
}

export type ItemProblems = Partial<Record<'code' | 'labelFr' | 'labelEn' | 'position', string>>;

export type Checked = { ok: true; input: ReferenceItemInput } | { ok: false; problems: ItemProblems };

/** Checks the fields with the shared schema; problems worded for this screen. */
export function checkItem(fields: ItemFields, t: Catalogue): Checked {
  const position = fields.position.trim() === '' ? undefined : Number(fields.position);
  const result = ReferenceItemInput.safeParse({ ...fields, position });
  if (result.success) return { ok: true, input: result.data };
  const problems: ItemProblems = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field === 'labelFr' || field === 'labelEn') problems[field] = t.errors.label;
    if (field === 'position') problems.position = t.errors.position;
  }
  return { ok: false, problems };
}

export function checkCode(code: string, taken: readonly string[], t: Catalogue): string | undefined {
  if (!ReferenceCode.safeParse(code).success) return t.errors.code;
  if (taken.includes(code)) return t.errors.codeTaken;
  return undefined;
}

/** The API's field errors (labelFr, position…) on the fields of this screen. */
export function problemsFrom(fields: readonly { field: string; message: string }[]): ItemProblems {
  const problems: ItemProblems = {};
  for (const { field, message } of fields) {
    const name = field.split('.')[0];
    if (name === 'code' || name === 'labelFr' || name === 'labelEn' || name === 'position') problems[name] ??= message;
  }
  return problems;
}
