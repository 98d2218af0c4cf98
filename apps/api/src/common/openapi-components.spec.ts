import type { OpenAPIObject } from '@nestjs/swagger';
import { CaseDetail, StatisticsTable } from '@mnpddh/shared';
import { z } from 'zod';
import { hoistComponents, openApiSchema } from './openapi-components.js';

describe('openApiSchema', () => {
  it('refers to a shared schema by its export name', () => {
    const { $defs, ...sut } = openApiSchema(CaseDetail) as Record<string, unknown>;
    expect(sut).toEqual({ $ref: '#/components/schemas/CaseDetail' });
    expect(Object.keys($defs as object)).toContain('CaseDetail');
  });

  it('refers to the shared schemas nested in one written inside the API', () => {
    const sut = openApiSchema(z.strictObject({ tables: z.array(StatisticsTable), note: z.string() })) as Record<string, unknown>;
    expect(sut.properties).toMatchObject({ tables: { type: 'array', items: { $ref: '#/components/schemas/StatisticsTable' } }, note: { type: 'string' } });
  });

  it('refuses a definition without a shared name, which would point nowhere once hoisted', () => {
    const Node: z.ZodType = z.lazy(() => z.strictObject({ children: z.array(Node) }));
    expect(() => openApiSchema(z.strictObject({ tree: Node }))).toThrow(/not a named export/);
  });
});

describe('hoistComponents', () => {
  it('moves every definition into components.schemas and leaves references only', () => {
    const sut = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { 200: { content: { 'application/json': { schema: openApiSchema(StatisticsTable) } } } } } } },
    };
    hoistComponents(sut as unknown as OpenAPIObject);
    expect(JSON.stringify(sut.paths)).not.toContain('$defs');
    expect(sut.paths['/a'].get.responses[200].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/StatisticsTable' });
    expect(Object.keys((sut as unknown as OpenAPIObject).components?.schemas ?? {})).toEqual([
      'Granularity',
      'ReportDimension',
      'StatCell',
      'StatisticsFreshness',
      'StatisticsTable',
    ]);
  });
});
