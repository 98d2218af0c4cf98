import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { negotiateLocale } from '@mnpddh/shared';
import { parseInput } from '../common/valid-body.js';

const CaseIdPath = z.object({ caseId: z.uuid() });

/** `@CaseIdParam() caseId: string` — the `:caseId` path segment, a UUID or 400. */
export const CaseIdParam = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  return parseInput(CaseIdPath, { caseId: request.params.caseId }, negotiateLocale(request.headers['accept-language'])).caseId;
});
