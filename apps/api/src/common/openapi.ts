import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { ZodType } from 'zod';
import { ANSWER_SCHEMAS } from './checked-answers.js';
import { openApiSchema } from './openapi-components.js';

/** Documents a route's request body and responses from their zod schemas; the answers are also checked against them (checked-answers.ts). */
export function ApiSchemas(spec: { body?: ZodType; responses: Record<number, ZodType> }) {
  const decorators: MethodDecorator[] = [SetMetadata(ANSWER_SCHEMAS, spec.responses)];
  decorators.push(...Object.entries(spec.responses).map(([status, schema]) => ApiResponse({ status: Number(status), schema: openApiSchema(schema) })));
  if (spec.body) decorators.push(ApiBody({ schema: openApiSchema(spec.body) }));
  return applyDecorators(...decorators);
}

/**
 * A route that answers a file it streams itself (CSV, PDF, an attachment):
 * documented by its media types; its bytes are the file's, not a JSON
 * answer to check.
 */
export function ApiFile(...mediaTypes: [string, ...string[]]) {
  return applyDecorators(
    ApiProduces(...mediaTypes),
    ApiResponse({ status: 200, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }),
  );
}
