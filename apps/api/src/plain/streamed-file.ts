import busboy, { type Busboy, type FileStream } from 'busboy';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../common/app-error.js';

/** The form's file, not yet read: its bytes come only when the handler, having checked the fields before it, asks for them. */
export interface PendingFile {
  /** The name the browser sent ('' when no file was chosen). */
  readonly name: string;
  /** The type the browser declared (never trusted). */
  readonly type: string;
  /** The bytes as they arrive; throws file_too_large when the parser cut the file at the limit, and the cause when the post is cut. */
  bytes(): AsyncIterable<Buffer>;
  /** Reads what is left of the post and throws it away, so that the answer reaches the browser. */
  discard(): Promise<void>;
}

export interface MultipartLimits {
  /** Largest file accepted (bytes). */
  readonly fileSize: number;
  readonly fields: number;
  readonly fieldSize: number;
  readonly parts: number;
}

const pending = new WeakMap<Request, PendingFile>();

/** The file `fieldsBeforeFile` left for this request's handler, if the form had one. */
export function pendingFile(request: Request): PendingFile | undefined {
  return pending.get(request);
}

/**
 * Reads a multipart form up to its file part and no further: the fields
 * before it become `request.body`, so the token and the one-time key are
 * checked before a byte of the file is stored; the file waits, with the rest
 * of the post, until the handler reads it as a stream — never whole in
 * memory, never on disk. A file part sent before the hidden fields meets a
 * body without them and is refused; fields after the file are ignored. A post
 * that is not multipart (or is malformed before its file) gets the fields
 * read so far, which the token check then refuses.
 */
export function fieldsBeforeFile(limits: MultipartLimits): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    let parser: Busboy;
    try {
      // One byte over the limit, so that a file of exactly the limit is not marked truncated.
      parser = busboy({ headers: request.headers, limits: { ...limits, fileSize: limits.fileSize + 1, files: 1 }, defParamCharset: 'utf8' });
    } catch {
      request.body = fields;
      return next();
    }
    let settled = false;
    const settle = (file?: PendingFile): void => {
      if (settled) return;
      settled = true;
      request.body = fields;
      if (file) pending.set(request, file);
      next();
    };
    parser.on('field', (name, value) => {
      if (!settled) addField(fields, name, value);
    });
    parser.on('file', (name, stream, info) => {
      if (settled || name !== 'file') return void stream.resume();
      settle(streamedFile(stream, info.filename ?? '', info.mimeType));
    });
    parser.on('close', () => settle());
    parser.on('error', () => {
      // busboy has destroyed the file stream with the error: a reader fails, and nothing of the rest is read.
      settle();
      request.unpipe(parser);
      request.resume();
    });
    // A post cut before its end (the connection dropped): the reader fails instead of waiting forever.
    request.on('close', () => {
      if (!request.complete) parser.destroy(new Error('the post was cut before its end'));
    });
    request.pipe(parser);
  };
}

function addField(fields: Record<string, string | string[]>, name: string, value: string): void {
  const earlier = fields[name];
  if (earlier === undefined) fields[name] = value;
  else fields[name] = Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
}

function streamedFile(stream: FileStream, name: string, type: string): PendingFile {
  let reading: AsyncGenerator<Buffer> | undefined;
  return {
    name: name.trim(),
    type,
    bytes() {
      reading ??= readFile(stream);
      return reading;
    },
    async discard() {
      // A reader left halfway holds the stream paused: end it first, or resume() would not drain.
      await reading?.return(undefined).catch(() => undefined);
      if (!stream.destroyed) stream.resume();
    },
  };
}

async function* readFile(stream: FileStream): AsyncGenerator<Buffer> {
  // Stopping early must not destroy the stream: `discard` still has to drain the post.
  for await (const piece of stream.iterator({ destroyOnReturn: false })) {
    if (stream.truncated) break;
    yield piece as Buffer;
  }
  if (stream.truncated) throw new AppError('VALIDATION_FAILED', [{ field: 'file', message: 'file_too_large' }]);
}
