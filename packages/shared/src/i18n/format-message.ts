/*
 * Formats a message written in ICU MessageFormat (the syntax translators'
 * tools check: `{name}`, `{count, plural, one {# minute} other {# minutes}}`,
 * `{gender, select, woman {…} man {…} other {…}}`), with the language's CLDR
 * plural rules from Intl.PluralRules.
 *
 * Every message is checked against a full ICU parser at build time
 * (scripts/i18n), so this walker only has to read valid messages: it is a
 * few hundred bytes in the public bundle instead of a parser.
 */
export type MessageValues = Readonly<Record<string, string | number>>;

export function formatMessage(message: string, values: MessageValues, locale: string): string {
  if (!/[{'#]/.test(message)) return message;
  return render(message, values, locale, undefined);
}

function render(source: string, values: MessageValues, locale: string, pound: string | undefined): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === "'" && source[i + 1] === "'") {
      out += "'";
      i += 2;
    } else if (char === "'" && /[{}#|]/.test(source[i + 1] ?? '')) {
      const end = quoteEnd(source, i);
      out += source.slice(i + 1, end).replaceAll("''", "'");
      i = end + 1;
    } else if (char === '#' && pound !== undefined) {
      out += pound;
      i += 1;
    } else if (char === '{') {
      const end = closingBrace(source, i);
      out += argument(source.slice(i + 1, end), values, locale, pound);
      i = end + 1;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** `{name}`, `{name, plural, …}`, `{name, selectordinal, …}`, `{name, select, …}`; other types print the value. */
function argument(inner: string, values: MessageValues, locale: string, pound: string | undefined): string {
  const [name = '', type = '', ...rest] = inner.split(',');
  const key = name.trim();
  const value = Object.hasOwn(values, key) ? values[key] : undefined;
  const kind = type.trim();
  if (kind === 'select') return render(pick(options(rest.join(',')), String(value)), values, locale, pound);
  if (kind === 'plural' || kind === 'selectordinal') return plural(rest.join(','), Number(value), kind, values, locale);
  return value === undefined ? `{${key}}` : String(value);
}

function plural(body: string, count: number, kind: string, values: MessageValues, locale: string): string {
  const offsetMatch = /^\s*offset:\s*(\d+)/.exec(body);
  const offset = offsetMatch ? Number(offsetMatch[1]) : 0;
  const choices = options(offsetMatch ? body.slice(offsetMatch[0].length) : body);
  const rules = new Intl.PluralRules(locale, { type: kind === 'plural' ? 'cardinal' : 'ordinal' });
  const chosen = choices.get(`=${count}`) ?? choices.get(rules.select(count - offset)) ?? choices.get('other') ?? '';
  return render(chosen, values, locale, new Intl.NumberFormat(locale).format(count - offset));
}

function pick(choices: Map<string, string>, key: string): string {
  return choices.get(key) ?? choices.get('other') ?? '';
}

/** `one {…} other {…}` as selector → body. */
function options(source: string): Map<string, string> {
  const choices = new Map<string, string>();
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{', i);
    if (open < 0) break;
    const end = closingBrace(source, open);
    choices.set(source.slice(i, open).trim(), source.slice(open + 1, end));
    i = end + 1;
  }
  return choices;
}

function closingBrace(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    if (source[i] === "'" && /[{}#|]/.test(source[i + 1] ?? '')) i = quoteEnd(source, i);
    else if (source[i] === '{') depth += 1;
    else if (source[i] === '}' && --depth === 0) return i;
  }
  return source.length;
}

/** The apostrophe closing a quoted literal (a doubled one inside stays text). */
function quoteEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i += 1) {
    if (source[i] !== "'") continue;
    if (source[i + 1] === "'") i += 1;
    else return i;
  }
  return source.length;
}
