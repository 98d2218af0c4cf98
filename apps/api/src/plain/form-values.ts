/** A posted form as express's urlencoded parser gives it: a key may come once, several times, or not at all. */
export type Posted = Record<string, unknown>;

/** The first string posted under `name`, '' when absent (a hostile array or object counts as absent). */
export function one(body: Posted | undefined, name: string): string {
  // No body at all: a post the form parser did not read (another content type).
  const value = body?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every string posted under `name` (checkboxes). */
export function many(body: Posted | undefined, name: string): string[] {
  const value = body?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** A ticked checkbox posts "on"; an unticked one posts nothing. */
export const ticked = (body: Posted | undefined, name: string) => one(body, name) === 'on';
