import { z } from 'zod';
import { boundedText } from './protection-request.js';

/** Default largest upload (the API's MAX_UPLOAD_BYTES may lower or raise it). */
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Files and voice messages a case may hold, counting uploads in progress. */
export const MAX_FILES_PER_CASE = 20;

/**
 * Starts a resumable upload in follow-up (`POST /api/follow-up/uploads`).
 * The type decided by the server comes from the bytes, not from `type` or the name.
 */
export const UploadStart = z.strictObject({
  kind: z.enum(['file', 'voice']),
  name: boundedText(200).pipe(z.string().min(1)),
  /** The type the browser declared; recorded, never trusted. */
  type: boundedText(100),
  size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** The defender chose to keep the original with its metadata (GPS, device) as evidence. */
  keepOriginal: z.boolean().default(false),
});
export type UploadStart = z.infer<typeof UploadStart>;

/**
 * A file posted whole in one request (the form without JavaScript): its size
 * is known only at its end, so the limit is enforced as the bytes arrive.
 */
export const StreamedUploadStart = UploadStart.omit({ size: true });
export type StreamedUploadStart = z.infer<typeof StreamedUploadStart>;

/** 201 answer to UploadStart: send the bytes with PATCH, `chunkSize` bytes each as suggested (a PATCH may carry up to the rest of the file). */
export const UploadCreated = z.object({
  uploadId: z.uuid(),
  offset: z.literal(0),
  chunkSize: z.number().int().positive(),
  /** An unfinished upload is deleted after this. */
  expiresAt: z.iso.datetime(),
});
export type UploadCreated = z.infer<typeof UploadCreated>;
