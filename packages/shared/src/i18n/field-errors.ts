import type { core } from 'zod';
import { formatMessage } from './format-message.js';

/** The words a form needs for its field errors: the public form speaks to the defender, the assisted intake about them. */
export interface FieldErrorWords {
  required: string;
  choose: string;
  chooseAtLeastOne: string;
  tooLong: string;
  tooMany: string;
  email: string;
  date: string;
  time: string;
  phoneShort: string;
  summary: string;
  methods: string;
  consent: string;
}

/**
 * zod's generic wording ("Trop grand : chaîne de caractères doit avoir
 * <=5000 caractères") is not for a B1 reader in a hurry: the common cases get
 * plain words; anything else keeps zod's message, which is the API's too.
 * The web form, the pages served without JavaScript and the assisted intake
 * (whose request sits under `root`, e.g. `request`) all word errors here.
 * `fields` words our schemas' own codes (`invalid_characters`): the API's
 * catalogue in the page's language, `locale` its plural rules.
 */
export function plainFieldMessage(
  issue: core.$ZodIssue,
  words: { errors: FieldErrorWords },
  fields: Readonly<Record<string, string>>,
  locale: string,
  root = '',
): string {
  const e = words.errors;
  const fullPath = issue.path.join('.');
  const path = root && fullPath.startsWith(`${root}.`) ? fullPath.slice(root.length + 1) : fullPath;
  switch (issue.code) {
    case 'custom':
      return Object.hasOwn(fields, issue.message) ? (fields[issue.message] ?? issue.message) : issue.message;
    case 'too_big':
      return formatMessage(issue.origin === 'array' ? e.tooMany : e.tooLong, { max: Number(issue.maximum) }, locale);
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
