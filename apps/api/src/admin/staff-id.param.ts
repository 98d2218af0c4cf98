import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { negotiateLocale } from '@mnpddh/shared';
import { parseInput } from '../common/valid-body.js';

const StaffId = z.object({ id: z.uuid() });

/** `@StaffIdParam() id: string` — the `:id` path segment, a UUID or 400. */
export const StaffIdParam = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  return parseInput(StaffId, { id: request.params.id }, negotiateLocale(request.headers['accept-language'])).id;
});
