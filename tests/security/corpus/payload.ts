/**
 * One hostile payload. `value` payloads are put in a field of an otherwise
 * valid body (or sent as the whole body of a route without one); `body`
 * payloads replace the request body as bytes, with their own headers;
 * `file` payloads go through the resumable upload (start, then the bytes).
 */
export type Payload = ValuePayload | BodyPayload | FilePayload;

interface Tagged {
  /** `category/detail`, unique: failure messages name it */
  readonly id: string;
  readonly category: string;
}

export interface ValuePayload extends Tagged {
  readonly kind: 'value';
  readonly value: unknown;
  /** A string aimed at string fields, a date at date fields, anything else at any field. */
  readonly aim: 'string' | 'date' | 'any';
}

export interface BodyPayload extends Tagged {
  readonly kind: 'body';
  readonly bytes: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export interface FilePayload extends Tagged {
  readonly kind: 'file';
  readonly name: string;
  /** The type the browser would declare (may lie). */
  readonly declaredType: string;
  readonly uploadKind: 'file' | 'voice';
  readonly bytes: Buffer;
}

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;
