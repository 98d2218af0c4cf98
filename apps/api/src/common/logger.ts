import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { pinoHttp } from 'pino-http';
import { areaOf } from './host-separation.js';
import { attachHourlyLogger } from './public-side-log.js';

/*
 * Logs never carry bodies, cookies, authorization headers, receipts or keys.
 * Request logs are built from an allow-list (method, path without query,
 * status, duration), for staff routes only (public-side-log.ts); the redaction paths below are a second net for anything
 * logged by hand.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body',
  'res.body',
  'body',
  '*.password',
  '*.totp',
  '*.receipt',
  '*.secret',
  '*.key',
  'password',
  'receipt',
  'totp',
];

export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const logger = pino({ level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
  attachHourlyLogger(logger, level, destination);
  return logger;
}

export function createHttpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: () => randomUUID(),
    // Staff routes keep their access log; the public side's pages, API and assets get no line per visit.
    autoLogging: { ignore: (req) => areaOf(req.url ?? '') !== 'staff' },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({
        id: req.id,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // The error itself is logged by the error filter under a correlation id.
    customAttributeKeys: { err: 'failure' },
    wrapSerializers: false,
  });
}

/** Routes NestJS's own messages (bootstrap, routes) into pino. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, _trace?: string, context?: string) {
    this.logger.error({ context }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
