import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiParam, ApiQuery } from '@nestjs/swagger';
import type { Request } from 'express';
import { z, type ZodType } from 'zod';
import { negotiateLocale, type Locale } from '@mnpddh/shared';
import { AppError } from './app-error.js';
import { openApiSchema } from './openapi-components.js';

const LOCALE_ERRORS: Record<Locale, z.core.$ZodErrorMap> = {
  fr: z.locales.fr().localeError,
  en: z.locales.en().localeError,
};

/**
 * Parses a value with its shared zod schema; a failure is VALIDATION_FAILED
 * with one entry per field, worded in the caller's language. Unknown keys are
 * refused by the schemas themselves (strict objects).
 */
export function parseInput<T>(schema: ZodType<T>, value: unknown, locale: Locale): T {
  const result = schema.safeParse(value, { error: LOCALE_ERRORS[locale] });
  if (result.success) return result.data;
  throw new AppError(
    'VALIDATION_FAILED',
    result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  );
}

/** A route's path parameters, parsed like a body (field errors in the caller's language). */
export function parseParams<T>(schema: ZodType<T>, request: Request): T {
  return parseInput(schema, request.params, negotiateLocale(request.headers['accept-language']));
}

const validBody = createParamDecorator(({ parse }: { parse: ZodType }, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request>();
  return parseInput(parse, request.body ?? {}, negotiateLocale(request.headers['accept-language']));
});

/**
 * `@ValidBody(Schema) body: T` — the request body, parsed at the edge. The
 * schema travels wrapped: Nest takes any argument with a `transform` method
 * (every zod schema has one) for a pipe, and the factory would get nothing.
 */
export const ValidBody = (schema: ZodType) => validBody({ parse: schema });

const validParams = createParamDecorator(({ parse }: { parse: ZodType }, context: ExecutionContext) =>
  parseParams(parse, context.switchToHttp().getRequest<Request>()),
);

const validParam = createParamDecorator(({ name, parse }: { name: string; parse: ZodType }, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request>();
  const params = request.params as Record<string, string | undefined>;
  return parseInput(z.object({ [name]: parse }), { [name]: params[name] }, negotiateLocale(request.headers['accept-language']))[name];
});

/** Declares a route's path parameters in the OpenAPI document, each with its schema. */
function declarePathParams(target: object, method: string | symbol | undefined, shape: Record<string, unknown>): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, method as string | symbol) as PropertyDescriptor;
  for (const [name, field] of Object.entries(shape)) {
    ApiParam({ name, required: true, schema: openApiSchema(field as ZodType) })(target, method as string | symbol, descriptor);
  }
}

/**
 * `@ValidParams(Schema) params: z.infer<typeof Schema>` — the path's
 * parameters, parsed at the edge like a body, and declared in the OpenAPI
 * document (each one, with its schema) so a generated client knows them.
 */
export function ValidParams(schema: z.ZodObject): ParameterDecorator {
  const parse = validParams({ parse: schema });
  return (target, method, index) => {
    parse(target, method, index);
    declarePathParams(target, method, schema.shape);
  };
}

/** `@ValidParam('id', z.uuid()) id: string` — one path parameter, parsed and declared like `ValidParams`. */
export function ValidParam(name: string, schema: ZodType): ParameterDecorator {
  const parse = validParam({ name, parse: schema });
  return (target, method, index) => {
    parse(target, method, index);
    declarePathParams(target, method, { [name]: schema });
  };
}

const validQuery = createParamDecorator(({ parse }: { parse: ZodType }, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request>();
  return parseInput(parse, { ...request.query }, negotiateLocale(request.headers['accept-language']));
});

/**
 * `@ValidQuery(Schema) query: z.infer<typeof Schema>` — the query string,
 * parsed at the edge like a body, and declared in the OpenAPI document (each
 * parameter with its schema; required only where the schema requires it).
 */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  const parse = validQuery({ parse: schema });
  return (target, method, index) => {
    parse(target, method, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, method as string | symbol) as PropertyDescriptor;
    for (const [name, field] of Object.entries(schema.shape)) {
      const required = !(field as ZodType).safeParse(undefined).success;
      ApiQuery({ name, required, schema: openApiSchema(field as ZodType) })(target, method as string | symbol, descriptor);
    }
  };
}
