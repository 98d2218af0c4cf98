import { Inject, Injectable } from '@nestjs/common';
import { MAX_FILES_PER_CASE, type FollowUpView, type StreamedUploadStart, type UploadStart } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { ThreadFiles, UploadOffsetConflict, type ThreadFileMetadata } from '../vault/thread-files.js';
import { detectType, FIRST_PIECE_BYTES, imageMetadata } from './file-content.js';
import { capped, readFirstPiece } from './first-piece.js';
import { FollowUpService, type OpenFollowUp } from './follow-up.service.js';
import { patchSegments } from './patch-segments.js';

/** The PATCH size suggested to clients: a multiple of the 64 KiB encryption frame, small enough to resume cheaply on a slow line. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** A larger PATCH is stored and committed this many bytes at a time (memory holds one segment). */
export const UPLOAD_SEGMENT_BYTES = 4 * 1024 * 1024;
/** An unfinished upload is deleted after this. */
const UPLOAD_LIFETIME_MS = 24 * 60 * 60_000;
/** A file streamed in one request is deleted when no byte of it was stored for this long (the request died). */
const STREAM_IDLE_MS = 15 * 60_000;

function refused(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', [{ field, message }]);
}

/**
 * Files and voice messages added in follow-up, after the request was sent
 * (they never hold a submission back): resumable uploads, each piece
 * encrypted as it arrives (vault/thread-files.ts), the type decided from the
 * first bytes and image metadata checked before anything is stored.
 */
@Injectable()
export class UploadsService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly files: ThreadFiles,
    private readonly followUp: FollowUpService,
  ) {}

  async start(session: OpenFollowUp, input: UploadStart) {
    if (input.size > this.runtime.config.MAX_UPLOAD_BYTES) throw refused('size', 'file_too_large');
    const metadata: ThreadFileMetadata = {
      kind: input.kind,
      name: input.name,
      declaredType: input.type,
      type: '',
      keepOriginal: input.keepOriginal,
    };
    const { uploadId, expiresAt } = await this.files.start(session.threadKey, session.caseId, metadata, input.size, {
      maxFiles: MAX_FILES_PER_CASE,
      expiresInMs: UPLOAD_LIFETIME_MS,
    });
    return { uploadId, offset: 0 as const, chunkSize: UPLOAD_CHUNK_BYTES, expiresAt: expiresAt.toISOString() };
  }

  progress(session: OpenFollowUp, uploadId: string) {
    return this.files.progress(session.threadKey, session.caseId, uploadId);
  }

  /**
   * Takes a PATCH body of `length` bytes as it arrives, segment by segment
   * (patch-segments.ts). A body longer than what the file still lacks is
   * refused before a byte of it is read; a wrong offset too (409). Returns
   * the new offset, and the follow-up view once the file is complete and in
   * the thread.
   */
  async append(
    session: OpenFollowUp,
    uploadId: string,
    offset: number,
    length: number,
    body: AsyncIterable<Buffer>,
  ): Promise<{ offset: number; view?: FollowUpView }> {
    const current = await this.files.progress(session.threadKey, session.caseId, uploadId);
    if (offset !== current.offset) throw new UploadOffsetConflict(current.offset);
    if (length > current.size - current.offset) throw new AppError('PAYLOAD_TOO_LARGE');
    let result = { offset: current.offset, completed: false };
    for await (const segment of patchSegments(body, length, UPLOAD_SEGMENT_BYTES)) {
      result = await this.files.append(session.threadKey, session.caseId, uploadId, result.offset, segment, checkFirstPiece);
    }
    if (!result.completed) return { offset: result.offset };
    return { offset: result.offset, view: await this.followUp.view(session) };
  }

  /**
   * A whole file sent in one request (the form without JavaScript), read as
   * it arrives: its first piece is checked exactly as the resumable upload's
   * first PATCH (type from the bytes, image metadata) before anything is
   * stored, the limit is enforced as the bytes come, and the file enters the
   * thread only once complete; a refused or cut file leaves nothing behind.
   */
  async receive(session: OpenFollowUp, input: StreamedUploadStart, bytes: AsyncIterable<Buffer>): Promise<void> {
    const max = this.runtime.config.MAX_UPLOAD_BYTES;
    const first = await readFirstPiece(
      capped(bytes, max, () => refused('file', 'file_too_large')),
      UPLOAD_CHUNK_BYTES,
    );
    const metadata: ThreadFileMetadata = { kind: input.kind, name: input.name, declaredType: input.type, type: '', keepOriginal: input.keepOriginal };
    const checked = checkFirstPiece(first.head, metadata, first.complete ? first.head.length : max);
    await this.files.receive(session.threadKey, session.caseId, checked, first.content, { maxFiles: MAX_FILES_PER_CASE, expiresInMs: STREAM_IDLE_MS });
  }

  abandon(session: OpenFollowUp, uploadId: string): Promise<void> {
    return this.files.abandon(session.caseId, uploadId);
  }
}

/** The type from the bytes; for a voice message only audio; an image without its metadata unless the defender kept it. */
export function checkFirstPiece(bytes: Buffer, metadata: ThreadFileMetadata, size: number): ThreadFileMetadata {
  if (bytes.length < Math.min(size, FIRST_PIECE_BYTES)) throw refused('file', 'first_piece_too_small');
  const detected = detectType(bytes, metadata.kind, metadata.declaredType);
  if (!detected) throw refused('file', 'unknown_file_type');
  if (metadata.kind === 'voice' && !detected.audio) throw refused('file', 'not_audio');
  if (detected.image && !metadata.keepOriginal && imageMetadata(bytes, detected.mime) !== 'none') {
    throw refused('file', 'metadata_still_present');
  }
  return { ...metadata, type: detected.mime };
}
