import { Fragment, type ReactNode } from 'react';

/**
 * Puts elements into a translated sentence: `fill('Appelez le {phone}',
 * { phone: <a…/> })`. Word order stays in the catalogue, where each language
 * needs it.
 */
export function fill(template: string, values: Record<string, ReactNode>): ReactNode {
  return template.split(/\{(\w+)\}/).map((part, index) =>
    // Odd indexes are the names captured between braces.
    index % 2 === 1 ? <Fragment key={index}>{values[part] ?? `{${part}}`}</Fragment> : part,
  );
}
