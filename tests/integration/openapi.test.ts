import spectralCore from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * The API's description, as a generated client would read it: Spectral's
 * `spectral:oas` ruleset on the document the portal publishes. Errors fail
 * the run, and so do operations without a description or a document without
 * servers; the other warnings are printed (the README keeps the last
 * count). The shared schemas are named components, so a generated client gets
 * the domain's types instead of anonymous ones.
 */
const { Document, Spectral } = spectralCore;
const SEVERITY = ['error', 'warning', 'information', 'hint'] as const;

/** Warnings that fail the run as errors do: each was brought to zero and must stay there. */
const HELD_AT_ZERO = ['operation-description', 'oas3-api-servers'];

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

describe('the OpenAPI document', () => {
  let portal: RunningPortal;
  let document: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };
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
    const errors = results
      .filter((result) => result.severity === 0 || HELD_AT_ZERO.includes(String(result.code)))
      .map((result) => `${result.code} at ${result.path.join('.')}: ${result.message}`);
    expect(errors).toEqual([]);
  }, 120_000);

  it('refers to the shared schemas by their names', () => {
    const caseDetail = document.paths['/api/cases/{id}']?.get?.responses?.['200']?.content?.['application/json']?.schema;
    expect(caseDetail).toEqual({ $ref: '#/components/schemas/CaseDetail' });
    const riskAssessment = document.paths['/api/cases/{id}/assessments']?.post?.requestBody?.content['application/json']?.schema;
    expect(riskAssessment).toEqual({ $ref: '#/components/schemas/RiskAssessmentInput' });
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['CaseDetail', 'RiskAssessmentInput', 'StatisticsTable']));
  });

  it('declares the statistics export query, its format included', () => {
    const declared = (document.paths['/api/reports/statistics/export']?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(declared.sort()).toEqual(['cross', 'dimension', 'format', 'from', 'granularity', 'to']);
  });

  it('says under each operation who may call it, as the access guard reads it', () => {
    const statistics = document.paths['/api/reports/statistics']?.get as { description?: string };
    expect(statistics.description).toMatch(/^Anonymised statistics.*Staff with the role auditor or supervisor\.$/);
    const health = document.paths['/api/health']?.get as { description?: string };
    expect(health.description).toMatch(/Open to anyone, without a session\.$/);
    // Who may call it is appended; what the operation does must be said by its handler.
    const saysOnlyWho = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, { description?: string }>)
        .filter(([, operation]) => /^(Open to anyone|Any signed-in|Staff with the role)/.test(operation.description ?? ''))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(saysOnlyWho).toEqual([]);
  });

  it('declares every component it refers to, and refers to every component it declares', () => {
    const referred = new Set(referencesIn(document));
    const declared = new Set(Object.keys(document.components?.schemas ?? {}));
    expect([...referred].filter((name) => !declared.has(name as string))).toEqual([]);
    expect([...declared].filter((name) => !referred.has(name))).toEqual([]);
  });
});

/** The component names every `$ref` in a value points at. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner.replace('#/components/schemas/', '')] : referencesIn(inner),
  );
}
