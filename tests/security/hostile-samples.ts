/**
 * Request bodies for routes found in the router, built from the OpenAPI
 * document the running portal serves (generated from the same zod schemas
 * that validate requests): a minimal valid body per route, and every field a
 * hostile value can be put in. A route added tomorrow gets both by itself.
 */
import { randomUUID } from 'node:crypto';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}

/** Where a hostile value can go in a body, and what kind of field it is. */
export interface FieldTarget {
  readonly path: readonly (string | number)[];
  readonly kind: 'string' | 'date' | 'other';
}

/** The JSON body schema of `METHOD /api/x/:id` (router form), if the route takes one. */
export function bodySchemaOf(doc: OpenApiDocument, method: string, routerPath: string): JsonSchema | undefined {
  const openApiPath = routerPath.replace(/:(\w+)/g, '{$1}');
  return doc.paths[openApiPath]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}

function variantOf(schema: JsonSchema): JsonSchema {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variantOf(variants.find((v) => v.type !== 'null') ?? variants[0] ?? {});
  if (schema.allOf) return variantOf(Object.assign({}, ...schema.allOf) as JsonSchema);
  return schema;
}

function typeOf(schema: JsonSchema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

const STRING_CANDIDATES = () => ['000000', 'agent.test@cndh.ml', '2026-01-15', randomUUID(), '+223 70 00 00 00', 'Texte de test', 'kora tamarin nuit étoilée'];

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'email') return 'agent.test@cndh.ml';
  if (schema.format === 'date') return '2026-01-15';
  if (schema.format === 'date-time') return new Date().toISOString();
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? Infinity;
  const fits = (value: string) => value.length >= min && value.length <= max && (!schema.pattern || new RegExp(schema.pattern, 'u').test(value));
  const padded = (value: string) => (value.length >= min ? value : value + 'x'.repeat(min - value.length));
  return [...STRING_CANDIDATES(), 'x'].map(padded).find(fits) ?? 'x'.repeat(min);
}

/** A minimal body the schema accepts (required properties only, first enum values). */
export function sampleOf(input: JsonSchema): unknown {
  const schema = variantOf(input);
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, sampleOf(schema.properties?.[key] ?? {})]));
    case 'array': {
      const items = variantOf(schema.items ?? {});
      const count = schema.minItems ?? 0;
      return Array.from({ length: count }, (_, i) => (items.enum ? items.enum[i % items.enum.length] : sampleOf(items)));
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    default:
      return sampleString(schema);
  }
}

const DATE_NAME = /date|when|until|since|deadline|due|At$|day/i;

/** Every leaf (and every array) of the schema, optional ones included. */
export function fieldTargets(input: JsonSchema, path: (string | number)[] = []): FieldTarget[] {
  const schema = variantOf(input);
  const type = typeOf(schema);
  if (type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, child]) => fieldTargets(child, [...path, key]));
  }
  if (type === 'array') {
    const items = variantOf(schema.items ?? {});
    const inner = typeOf(items) === 'object' ? fieldTargets(items, [...path, 0]) : [];
    return [{ path, kind: 'other' }, ...inner];
  }
  const last = String(path[path.length - 1] ?? '');
  const isDate = schema.format === 'date' || schema.format === 'date-time' || DATE_NAME.test(last);
  if (type === 'string' || type === undefined) return [{ path, kind: isDate ? 'date' : 'string' }];
  return [{ path, kind: isDate ? 'date' : 'other' }];
}

const SLOT = '\u0000hostile-slot\u0000';

/**
 * The JSON text of `base` with `value` at `path` (intermediate objects and
 * arrays made from the schema as needed). Built as text so that own
 * `__proto__` keys in the value reach the wire as they are.
 */
export function bodyWith(base: unknown, schema: JsonSchema, path: readonly (string | number)[], value: unknown): string {
  const root = JSON.parse(JSON.stringify(base ?? {})) as unknown;
  if (path.length === 0) return JSON.stringify(value);
  let node = root as Record<string | number, unknown>;
  let nodeSchema: JsonSchema = variantOf(schema);
  for (const [depth, key] of path.entries()) {
    const childSchema = variantOf(typeof key === 'number' ? (nodeSchema.items ?? {}) : (nodeSchema.properties?.[key] ?? {}));
    if (depth === path.length - 1) {
      node[key] = SLOT;
      break;
    }
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
      node[key] = typeOf(childSchema) === 'array' ? [] : (sampleOf(childSchema) ?? {});
    }
    node = node[key] as Record<string | number, unknown>;
    nodeSchema = childSchema;
  }
  return JSON.stringify(root).replace(JSON.stringify(SLOT), () => JSON.stringify(value) ?? 'null');
}
