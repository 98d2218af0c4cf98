/**
 * The hostile input corpus: payloads generated from categories,
 * nothing downloaded. `buildCorpus()` is deterministic, so a failure names a
 * payload id that the next run has too.
 */
import { hostileFiles } from './files.js';
import { naughtyStrings } from './naughty-strings.js';
import type { Payload, ValuePayload } from './payload.js';
import { brokenJson, contentTypeLies, deepBodies, invalidUtf8, oversizedBodies } from './raw-bodies.js';
import { boundaryLengths, controlCharacters, deepValues, impossibleDates, prototypeKeys, wrongTypes } from './structures.js';

export type { BodyPayload, FilePayload, Payload, ValuePayload } from './payload.js';

/** Each naughty string alone and inside ordinary French text (where a validator may not look twice). */
function stringPayloads(): ValuePayload[] {
  return naughtyStrings().flatMap(({ group, value }, i) => [
    { id: `string/${group}-${i}`, category: `string-${group}`, kind: 'value', value, aim: 'string' } as ValuePayload,
    { id: `string/${group}-${i}-in-text`, category: `string-${group}`, kind: 'value', value: `Mon frère ${value} à Sévaré`, aim: 'string' } as ValuePayload,
  ]);
}

/** The markup payloads again, encoded the ways filters forget to decode. */
function encodedMarkup(): ValuePayload[] {
  return naughtyStrings()
    .filter(({ group }) => group === 'markup')
    .flatMap(({ value }, i) => [
      { id: `encoded/url-${i}`, category: 'encoded-markup', kind: 'value', value: encodeURIComponent(value), aim: 'string' } as ValuePayload,
      {
        id: `encoded/entities-${i}`,
        category: 'encoded-markup',
        kind: 'value',
        value: [...value].map((c) => `&#${c.codePointAt(0)};`).join(''),
        aim: 'string',
      } as ValuePayload,
    ]);
}

export function buildCorpus(): Payload[] {
  const corpus: Payload[] = [
    ...stringPayloads(),
    ...encodedMarkup(),
    ...controlCharacters(),
    ...boundaryLengths(),
    ...impossibleDates(),
    ...wrongTypes(),
    ...prototypeKeys(),
    ...deepValues(),
    ...oversizedBodies(),
    ...deepBodies(),
    ...invalidUtf8(),
    ...brokenJson(),
    ...contentTypeLies(),
    ...hostileFiles(),
  ];
  const ids = new Set<string>();
  for (const payload of corpus) {
    if (ids.has(payload.id)) throw new Error(`duplicate payload id ${payload.id}`);
    ids.add(payload.id);
  }
  return corpus;
}

/** How many payloads of each category (for the report). */
export function countByCategory(corpus: readonly Payload[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const payload of corpus) counts[payload.category] = (counts[payload.category] ?? 0) + 1;
  return counts;
}
