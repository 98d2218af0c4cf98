import type { ReactNode } from 'react';

/** A list of label/value pairs; rows without a value are left out. Values are text, never HTML. */
export function Facts({ rows }: { rows: ReadonlyArray<readonly [string, ReactNode | undefined]> }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="facts">
      {shown.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd className="prewrap">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
