/**
 * HTML built from templates where every interpolated value is escaped unless
 * it is itself built here: what a defender or staff member wrote is text,
 * never markup (T6).
 */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.markup;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part as string | number | boolean));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(markup);
}

/** `{name}` placeholders filled with escaped text or built HTML. */
export function fillHtml(template: string, values: Record<string, Html | string>): Html {
  const parts = template.split(/(\{\w+\})/);
  return new Html(
    parts
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        const value = name === undefined ? undefined : values[name];
        return value === undefined ? escapeHtml(part) : render(value);
      })
      .join(''),
  );
}
