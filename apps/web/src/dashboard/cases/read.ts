/*
 * The decrypted concerns are loose records (their schema grows with the
 * form): these readers take only what has the expected shape, so an
 * unexpected value is skipped rather than shown wrongly or crashing the page.
 */
export type Loose = Record<string, unknown>;

export function obj(value: unknown): Loose | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
}

export function str(record: Loose | undefined, key: string): string | undefined {
  const value = record?.[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function strings(record: Loose | undefined, key: string): string[] {
  const value = record?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function objects(record: Loose | undefined, key: string): Loose[] {
  const value = record?.[key];
  return Array.isArray(value) ? value.map(obj).filter((item): item is Loose => item !== undefined) : [];
}

export function bool(record: Loose | undefined, key: string): boolean | undefined {
  const value = record?.[key];
  return typeof value === 'boolean' ? value : undefined;
}
