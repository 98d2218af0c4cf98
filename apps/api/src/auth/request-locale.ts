import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { negotiateLocale, type Locale } from '@mnpddh/shared';

/** `@RequestLocale() locale: Locale` — for messages the API words itself. */
export const RequestLocale = createParamDecorator((_data: unknown, context: ExecutionContext): Locale =>
  negotiateLocale(context.switchToHttp().getRequest<Request>().headers['accept-language']),
);
