import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z, type ZodType } from 'zod';
import { negotiateLocale, type Locale } from '@mnpddh/shared';
import { AppError } from './app-error.js';

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
