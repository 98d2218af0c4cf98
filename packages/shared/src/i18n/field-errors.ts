import type { core } from 'zod';
import { fieldMessage } from '../errors.js';
import type { Locale } from '../locale.js';
import type { IntakeCatalogue } from './intake-fr.js';

/** Fills `{name}` placeholders with plain text. */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * zod's generic wording ("Trop grand : chaîne de caractères doit avoir
 * <=5000 caractères") is not for a B1 reader in a hurry: the common cases get
 * plain words; anything else keeps zod's message, which is the API's too.
 * The web form and the pages served without JavaScript both word errors here.
 */
export function plainFieldMessage(issue: core.$ZodIssue, t: IntakeCatalogue, locale: Locale): string {
  const e = t.errors;
  const path = issue.path.join('.');
  switch (issue.code) {
    case 'custom':
      return fieldMessage(issue.message, locale) ?? issue.message;
    case 'too_big':
      return fillPlaceholders(issue.origin === 'array' ? e.tooMany : e.tooLong, { max: Number(issue.maximum) });
    case 'too_small':
      if (path === 'summary') return e.summary;
      if (path === 'contact.methods') return e.methods;
      if (issue.origin === 'array') return e.chooseAtLeastOne;
      return Number(issue.minimum) > 1 ? e.phoneShort : e.required;
    case 'invalid_value':
      return issue.values.includes(true) ? e.consent : e.choose;
    case 'invalid_format':
      if (issue.format === 'email') return e.email;
      if (issue.format === 'date') return e.date;
      if (issue.format === 'time') return e.time;
      return issue.message;
    default:
      return issue.message;
  }
}
