import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ZodType } from 'zod';
import { negotiateLocale } from '@mnpddh/shared';
import { parseInput } from '../common/valid-body.js';

const validQuery = createParamDecorator(({ parse }: { parse: ZodType }, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request>();
  return parseInput(parse, { ...request.query }, negotiateLocale(request.headers['accept-language']));
});

/** `@ValidQuery(Schema) query: T` — the query string, parsed at the edge like a body (see ValidBody). */
export const ValidQuery = (schema: ZodType) => validQuery({ parse: schema });
