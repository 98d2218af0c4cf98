import { z } from 'zod';

/** Every error the API returns carries one of these codes. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** Understood, but the case's state or a rule forbids it (consent withdrawn, not yet approved): the reason leads the message. */
  'REFUSED',
  'INTEGRITY_FAILED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'BUSY',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One HTTP status per code: the single mapping the API uses. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFUSED: 422,
  INTEGRITY_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  BUSY: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

// The user-facing message of each code is in the catalogues (i18n/api-fr.ts, locales/*.po): the API words it in the caller's language.

export const FieldError = z.object({
  /** Dotted path of the field, e.g. `incidents.0.date`. */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** The body of every error response. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    retryable: z.boolean(),
    fields: z.array(FieldError).optional(),
    correlationId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
