import { deflateSync, gzipSync } from 'node:zlib';
import { JSON_HEADERS, type BodyPayload } from './payload.js';

const MiB = 1024 * 1024;

function body(category: string, name: string, bytes: Buffer | string, headers: Record<string, string> = JSON_HEADERS): BodyPayload {
  return { id: `${category}/${name}`, category, kind: 'body', bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'), headers };
}

/** Bodies over the JSON limit (256 KiB by default), up to a 10 MB string. */
export function oversizedBodies(): BodyPayload[] {
  return [
    body('oversized', 'string-10MB', JSON.stringify({ summary: 'x'.repeat(10 * 1000 * 1000) })),
    body('oversized', 'string-10MiB-multibyte', JSON.stringify({ summary: 'é'.repeat(5 * MiB) })),
    body('oversized', 'just-over-256KiB', JSON.stringify({ summary: 'x'.repeat(256 * 1024) })),
    body('oversized', 'one-MiB-of-keys', `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":1`).join(',')}}`),
    body('oversized', 'many-small-strings', JSON.stringify(Array.from({ length: 200_000 }, () => 'x'))),
  ];
}

/** Nesting deep enough to blow a recursive parser or validator. */
export function deepBodies(): BodyPayload[] {
  const depths = [1_000, 10_000, 100_000];
  return depths.flatMap((depth) => [
    body('nesting', `body-array-${depth}`, `${'['.repeat(depth)}${']'.repeat(depth)}`),
    body('nesting', `body-object-${depth}`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    body('nesting', `body-unclosed-${depth}`, '['.repeat(depth)),
  ]);
}

/** Bytes that are not UTF-8, inside an otherwise well-formed JSON body. */
export function invalidUtf8(): BodyPayload[] {
  const sequences: [string, number[]][] = [
    ['lone-ff', [0xff]],
    ['lone-fe', [0xfe]],
    ['bad-continuation', [0xc3, 0x28]],
    ['lone-continuation', [0x80]],
    ['overlong-slash', [0xc0, 0xaf]],
    ['overlong-nul', [0xc0, 0x80]],
    ['encoded-surrogate', [0xed, 0xa0, 0x80]],
    ['truncated-4-byte', [0xf0, 0x9f, 0x98]],
    ['five-byte', [0xf8, 0x88, 0x80, 0x80, 0x80]],
    ['beyond-u10ffff', [0xf4, 0x90, 0x80, 0x80]],
    ['utf16le-bom', [0xff, 0xfe, 0x41, 0x00]],
    ['latin1-e-acute', [0xe9]],
  ];
  return sequences.flatMap(([name, bytes]) => [
    body('utf8', `in-string-${name}`, Buffer.concat([Buffer.from('{"summary":"Bamako '), Buffer.from(bytes), Buffer.from('"}')])),
    body('utf8', `in-key-${name}`, Buffer.concat([Buffer.from('{"'), Buffer.from(bytes), Buffer.from('":"x"}')])),
  ]);
}

/** JSON that is not JSON. */
export function brokenJson(): BodyPayload[] {
  const texts: [string, string][] = [
    ['unterminated', '{"summary": '],
    ['trailing-comma', '{"summary":"x",}'],
    ['single-quotes', "{'summary':'x'}"],
    ['comments', '{/* x */"summary":"x"}'],
    ['nan', '{"summary":NaN}'],
    ['bare-string', '"texte"'],
    ['bare-number', '42'],
    ['bare-null', 'null'],
    ['bare-true', 'true'],
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['bom-prefixed', '\uFEFF{"summary":"x"}'],
    ['duplicate-keys', '{"summary":"a","summary":"b"}'],
    ['nul-byte', '{"summary":"x"}\u0000'],
    ['two-documents', '{"summary":"x"}{"summary":"y"}'],
    ['huge-exponent', '{"n":1e999999}'],
    ['long-number', `{"n":${'9'.repeat(100_000)}}`],
    ['escaped-nul', '{"summary":"\\u0000"}'],
    ['lone-surrogate-escape', '{"summary":"\\ud800"}'],
    ['bad-escape', '{"summary":"\\x41"}'],
  ];
  return texts.map(([name, text]) => body('json', name, text));
}

/** A body whose Content-Type (or Content-Encoding) lies or is unusual. */
export function contentTypeLies(): BodyPayload[] {
  const json = '{"summary":"x"}';
  const gzipBomb = gzipSync(Buffer.alloc(64 * MiB, 0x20), { level: 9 });
  return [
    body('content-type', 'text-plain', json, { 'content-type': 'text/plain' }),
    body('content-type', 'none', json, {}),
    body('content-type', 'form', 'summary=x&__proto__[polluted]=yes&constructor[prototype][polluted]=yes', {
      'content-type': 'application/x-www-form-urlencoded',
    }),
    body('content-type', 'form-deep', `${'a'.repeat(1)}${'[a]'.repeat(1_000)}=1`, { 'content-type': 'application/x-www-form-urlencoded' }),
    body('content-type', 'multipart', '--b\r\nContent-Disposition: form-data; name="summary"\r\n\r\nx\r\n--b--\r\n', {
      'content-type': 'multipart/form-data; boundary=b',
    }),
    body('content-type', 'xml', '<?xml version="1.0"?><summary>x</summary>', { 'content-type': 'application/xml' }),
    body('content-type', 'utf16-charset', Buffer.from(json, 'utf16le'), { 'content-type': 'application/json; charset=utf-16' }),
    body('content-type', 'koi8-charset', json, { 'content-type': 'application/json; charset=koi8-r' }),
    body('content-type', 'json-suffix', json, { 'content-type': 'application/vnd.evil+json' }),
    body('content-type', 'octet-stream', json, { 'content-type': 'application/octet-stream' }),
    body('content-type', 'upload-type', json, { 'content-type': 'application/offset+octet-stream' }),
    body('content-type', 'gzip-bomb-64MiB', gzipBomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    body('content-type', 'deflate', deflateSync(Buffer.from(json)), { 'content-type': 'application/json', 'content-encoding': 'deflate' }),
    body('content-type', 'brotli-claimed', json, { 'content-type': 'application/json', 'content-encoding': 'br' }),
    body('content-type', 'unknown-encoding', json, { 'content-type': 'application/json', 'content-encoding': 'x-evil' }),
    body('content-type', 'gzip-garbage', Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3]), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    }),
  ];
}
