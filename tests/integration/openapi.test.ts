import spectralCore from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * The API's description, as a generated client would read it: Spectral's
 * `spectral:oas` ruleset on the document the portal publishes. Errors fail
 * the run; warnings are printed (bench/RESULTS.md keeps the last count).
 */
const { Document, Spectral } = spectralCore;
const SEVERITY = ['error', 'warning', 'information', 'hint'] as const;

interface Operation {
  parameters?: { name: string; in: string }[];
}

describe('the OpenAPI document', () => {
  let portal: RunningPortal;
  let document: { paths: Record<string, Record<string, Operation>> };
  let text: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    text = await (await fetch(`${portal.url}/api/docs-json`)).text();
    document = JSON.parse(text) as typeof document;
  });
  afterAll(() => portal.close());

  it('declares every path parameter of every route', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const declared = new Set((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
        for (const name of inPath) if (name && !declared.has(name)) missing.push(`${method.toUpperCase()} ${path} {${name}}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no error under Spectral spectral:oas', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'recommended']] });
    const results = await spectral.run(new Document(text, parsers.Json, '/api/docs-json'));
    const byRule = new Map<string, number>();
    for (const result of results) {
      const key = `${SEVERITY[result.severity]} ${result.code}`;
      byRule.set(key, (byRule.get(key) ?? 0) + 1);
    }
    console.log(`spectral:oas on /api/docs-json: ${[...byRule].map(([rule, count]) => `${rule} ×${count}`).join(', ') || 'nothing to report'}`);
    const errors = results.filter((result) => result.severity === 0).map((result) => `${result.code} at ${result.path.join('.')}: ${result.message}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
