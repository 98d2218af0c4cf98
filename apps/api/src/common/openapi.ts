import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

/** OpenAPI 3.1 schema of a shared zod schema: one source for validation and docs. */
export function openApiSchema(schema: ZodType): SchemaObject {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  return jsonSchema as SchemaObject;
}

/** Documents a route's request body and responses from their zod schemas. */
export function ApiSchemas(spec: { body?: ZodType; responses: Record<number, ZodType> }) {
  const decorators: MethodDecorator[] = Object.entries(spec.responses).map(([status, schema]) =>
    ApiResponse({ status: Number(status), schema: openApiSchema(schema) }),
  );
  if (spec.body) decorators.push(ApiBody({ schema: openApiSchema(spec.body) }));
  return applyDecorators(...decorators);
}
