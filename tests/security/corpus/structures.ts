import type { ValuePayload } from './payload.js';

/** Values of the wrong JSON type for any field. */
export function wrongTypes(): ValuePayload[] {
  const values: [string, unknown][] = [
    ['null', null],
    ['true', true],
    ['false', false],
    ['zero', 0],
    ['negative', -1],
    ['fraction', 1.5],
    ['huge', 1e308],
    ['tiny', -1e308],
    ['beyond-max-safe', 2 ** 53 + 2],
    ['empty-array', []],
    ['array-of-null', [null]],
    ['nested-array', [[[]]]],
    ['empty-object', {}],
    ['object', { a: 1 }],
    ['array-10k', Array.from({ length: 10_000 }, (_, i) => i)],
    ['strings-10k', Array.from({ length: 10_000 }, () => 'x')],
    ['object-5k-keys', Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]))],
    ['number-as-string', '42'],
    ['boolean-as-string', 'true'],
    ['date-object-shape', { $date: '2026-01-01' }],
  ];
  return values.map(([name, value]) => ({ id: `wrong-type/${name}`, category: 'wrong-type', kind: 'value', value, aim: 'any' }));
}

/** Own `__proto__` / `constructor` / `prototype` keys, as JSON.parse makes them from a request body. */
export function prototypeKeys(): ValuePayload[] {
  const texts: [string, string][] = [
    ['proto-object', '{"__proto__":{"polluted":"yes"}}'],
    ['proto-admin', '{"__proto__":{"isAdmin":true,"roles":["admin"]}}'],
    ['proto-array', '{"__proto__":["polluted"]}'],
    ['proto-null', '{"__proto__":null}'],
    ['constructor-prototype', '{"constructor":{"prototype":{"polluted":"yes"}}}'],
    ['constructor-string', '{"constructor":"polluted"}'],
    ['prototype-key', '{"prototype":{"polluted":"yes"}}'],
    ['nested-proto', '{"a":{"b":{"__proto__":{"polluted":"yes"}}}}'],
    ['proto-in-array', '[{"__proto__":{"polluted":"yes"}}]'],
    ['proto-tostring', '{"__proto__":{"toString":"x","valueOf":"y"}}'],
    ['has-own-property', '{"hasOwnProperty":"x","toString":"y"}'],
    ['double-proto', '{"__proto__":{"__proto__":{"polluted":"yes"}}}'],
    ['proto-then', '{"__proto__":{"then":"x"}}'],
    ['constructor-name', '{"constructor":{"name":"Object","prototype":{"polluted":"yes"}}}'],
    ['proto-length', '{"__proto__":{"length":1e9}}'],
  ];
  return texts.map(([name, text]) => ({ id: `prototype/${name}`, category: 'prototype', kind: 'value', value: JSON.parse(text) as unknown, aim: 'any' }));
}

/** Dates that do not exist, or are far out of range. */
export function impossibleDates(): ValuePayload[] {
  const dates = [
    '2026-02-30',
    '2026-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '99999-01-01',
    '+099999-01-01',
    '-000001-01-01',
    '0000-00-00',
    '0000-01-01',
    '1900-01-01',
    '2026-06-15T25:61:61Z',
    '2026-06-15T12:00:00+99:00',
    '2026/06/15',
    '15/06/2026',
    '20260615',
    'aujourd’hui',
    '1e10',
    '2026-W24',
    '2026-06',
    '2026-1-5',
    ' 2026-06-15',
    '2026-06-15\u0000',
  ];
  const numeric: [string, unknown][] = [
    ['timestamp-huge', 8.64e15 + 1],
    ['timestamp-negative', -8.64e15 - 1],
    ['timestamp', 1780000000000],
  ];
  return [
    ...dates.map((value, i): ValuePayload => ({ id: `date/${i}-${value.slice(0, 24)}`, category: 'date', kind: 'value', value, aim: 'date' })),
    ...numeric.map(([name, value]): ValuePayload => ({ id: `date/${name}`, category: 'date', kind: 'value', value, aim: 'date' })),
  ];
}

/** Every C0 and C1 control character (and DEL), inside text. */
export function controlCharacters(): ValuePayload[] {
  const codes = [...Array.from({ length: 32 }, (_, i) => i), 0x7f, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)];
  return codes.map((code) => ({
    id: `control/U+${code.toString(16).padStart(4, '0')}`,
    category: 'control',
    kind: 'value',
    value: `Bamako${String.fromCharCode(code)}Mopti`,
    aim: 'string',
  }));
}

/** Strings at the lengths where limits and byte/character counting go wrong, in 1-, 2-, 3- and 4-byte characters. */
export function boundaryLengths(): ValuePayload[] {
  const lengths = [1, 39, 40, 41, 119, 120, 121, 200, 201, 300, 301, 2_000, 2_001, 10_000, 20_001, 100_000];
  const units = [
    ['ascii', 'a'],
    ['latin', 'é'],
    ['nko', 'ߒ'],
    ['emoji', '😀'],
  ] as const;
  return units.flatMap(([name, unit]) =>
    lengths.map((length): ValuePayload => ({ id: `length/${name}-${length}`, category: 'length', kind: 'value', value: unit.repeat(length), aim: 'string' })),
  );
}

/** Deep structures given as field values (the body ones are in raw-bodies.ts). */
export function deepValues(): ValuePayload[] {
  const depths = [50, 500, 2_000];
  return depths.flatMap((depth) => [
    { id: `nesting/value-array-${depth}`, category: 'nesting', kind: 'value', value: nestedArray(depth), aim: 'any' } as ValuePayload,
    { id: `nesting/value-object-${depth}`, category: 'nesting', kind: 'value', value: nestedObject(depth), aim: 'any' } as ValuePayload,
  ]);
}

function nestedArray(depth: number): unknown {
  let value: unknown = 'fond';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function nestedObject(depth: number): unknown {
  let value: unknown = 'fond';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
