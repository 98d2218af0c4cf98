import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import * as shared from '@mnpddh/shared';
import { z, type ZodType } from 'zod';

const COMPONENTS = '#/components/schemas/';
const DEFS = '#/$defs/';

/**
 * Every zod schema the shared package exports, named by its export: the names
 * a generated client gets for its types (`CaseDetail`, `RiskAssessmentInput`).
 * A schema exported twice keeps its first name.
 */
export const sharedSchemaNames = nameSharedSchemas();

function nameSharedSchemas() {
  const names = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(shared)) {
    if (value instanceof z.ZodType && !names.has(value)) names.add(value, { id: name });
  }
  return names;
}

/**
 * OpenAPI 3.1 schema of a zod schema: a shared schema, and every shared
 * schema inside it, becomes a `$ref` to its named component. The definitions
 * travel in the schema's `$defs` until `hoistComponents` moves them into
 * `components.schemas`, once for the whole document.
 */
export function openApiSchema(schema: ZodType): SchemaObject {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { metadata: sharedSchemaNames, io: 'output', unrepresentable: 'any' });
  return pointAtComponents(jsonSchema) as SchemaObject;
}

/** Rewrites `#/$defs/Name` references to `#/components/schemas/Name`; refuses a definition that has no shared name. */
function pointAtComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointAtComponents);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith(DEFS)) return [key, COMPONENTS + sharedName(inner.slice(DEFS.length))];
      return [key, pointAtComponents(inner)];
    }),
  );
}

/** A definition zod extracted without a shared name (a cycle) would point nowhere once hoisted: name it in packages/shared instead. */
function sharedName(id: string): string {
  if (!Object.hasOwn(shared, id)) throw new Error(`OpenAPI: the schema "${id}" is not a named export of @mnpddh/shared`);
  return id;
}

/** Moves every `$defs` found in the document's operations into `components.schemas` (one definition per name). */
export function hoistComponents(document: OpenAPIObject): void {
  const schemas: Record<string, unknown> = { ...document.components?.schemas };
  collectDefs(document.paths, schemas);
  const sorted = Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b));
  document.components = { ...document.components, schemas: Object.fromEntries(sorted) as Record<string, SchemaObject> };
}

function collectDefs(value: unknown, schemas: Record<string, unknown>): void {
  if (Array.isArray(value)) return value.forEach((inner) => collectDefs(inner, schemas));
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (record.$defs) {
    Object.assign(schemas, record.$defs);
    delete record.$defs;
  }
  for (const inner of Object.values(record)) collectDefs(inner, schemas);
}
