import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { ZodType } from 'zod';

/** Metadata key under which `ApiSchemas` keeps a route's answer schemas, by status. */
export const ANSWER_SCHEMAS = 'mnpddh:answer-schemas';

/** An answer that does not match its declared schema: a bug of ours, answered 500 and logged without values. */
export class UncheckedAnswer extends Error {
  constructor(route: string, status: number, paths: string[]) {
    super(`answer of ${route} (${status}) does not match its schema at ${paths.join(', ') || '(root)'}`);
    this.name = 'UncheckedAnswer';
  }
}

/**
 * Every answer is parsed by the schema its route declares before it leaves,
 * and what leaves is the parsed value: a field a handler added by mistake
 * (an internal id, a key) is dropped instead of reaching the browser, and a
 * missing or mistyped field fails here instead of in the page that reads it.
 */
@Injectable()
export class CheckedAnswers implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const schemas = this.reflector.get<Record<number, ZodType> | undefined>(ANSWER_SCHEMAS, context.getHandler());
    if (!schemas || context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    return next.handle().pipe(map((answer: unknown) => checkedAnswer(answer, schemas, http.getRequest<Request>(), http.getResponse<Response>())));
  }
}

function checkedAnswer(answer: unknown, schemas: Record<number, ZodType>, request: Request, response: Response): unknown {
  // A handler that wrote the response itself (a file, a stream) has nothing left to check.
  if (response.headersSent) return answer;
  const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? '?'}`;
  const schema = schemas[response.statusCode];
  if (!schema) throw new UncheckedAnswer(route, response.statusCode, ['(no schema for this status)']);
  const parsed = schema.safeParse(answer);
  if (!parsed.success)
    throw new UncheckedAnswer(
      route,
      response.statusCode,
      parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.code}`),
    );
  return parsed.data;
}
