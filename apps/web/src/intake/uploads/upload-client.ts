import { ErrorBody } from '@mnpddh/shared';
import type { LocaleCode } from '../../i18n/catalogues';
import { FollowUpView } from '../api/follow-up-view';
import { nextPieceSize } from './piece-size';

/*
 * One resumable upload on the follow-up session (the httpOnly cookie):
 * POST /api/follow-up/uploads announces it, PATCH sends it piece by piece
 * (the server's `chunkSize` first, larger while the line takes it:
 * piece-size.ts; `Upload-Offset` saying where), HEAD asks the
 * server where it stands after a dropped connection, DELETE cancels. The
 * bytes live in page memory only (the Blob the person chose or recorded):
 * nothing is written to the device, nothing is cached.
 */

/** The server refuses more (default limit, configurable there); said before anything is sent. */
export const MAX_BYTES = 50 * 1024 * 1024;

/** Automatic new tries after a network error, then "Reprendre". */
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000];

/** Not less than a minute for a piece, and at least 4 KB/s (2G on a bad day). */
const pieceTimeout = (bytes: number) => 60_000 + Math.ceil(bytes / 4);

export type UploadKind = 'file' | 'voice';

export interface UploadSource {
  kind: UploadKind;
  blob: Blob;
  name: string;
  /** Without parameters (`audio/webm`, not `audio/webm;codecs=opus`). */
  type: string;
  keepOriginal: boolean;
}

export type UploadState =
  | { phase: 'uploading'; sent: number; retrying: boolean }
  | { phase: 'paused'; sent: number }
  | { phase: 'done' }
  | { phase: 'refused'; reason: string }
  | { phase: 'expired' }
  | { phase: 'cancelled' }
  | { phase: 'session_lost' };

export interface UploadOptions {
  locale: LocaleCode;
  /** Makes sure a follow-up session is open; `renew` after the server said it had ended. False if it cannot. */
  session: (renew: boolean) => Promise<boolean>;
  onChange: (state: UploadState) => void;
  /** The thread after the last piece (the server answers with the follow-up view). */
  onView: (view: FollowUpView, skewMs: number) => void;
}

type Step =
  | { kind: 'ok' }
  | { kind: 'done'; view: FollowUpView | null; skewMs: number }
  | { kind: 'network' }
  | { kind: 'unauthenticated' }
  | { kind: 'gone' }
  | { kind: 'refused'; reason: string };

interface Answer {
  status: number;
  header: (name: string) => string | null;
  text: string;
}

const path = (id: string) => `/api/follow-up/uploads/${encodeURIComponent(id)}`;

function offsetFrom(answer: Answer): number | null {
  const value = Number.parseInt(answer.header('Upload-Offset') ?? '', 10);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function skewFrom(answer: Answer): number {
  const date = Date.parse(answer.header('Date') ?? '');
  return Number.isNaN(date) ? 0 : date - Date.now();
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The server's words for a refusal: the fields' messages (size, type, metadata still present), else its message. */
function reasonOf(answer: Answer): string | null {
  const body = ErrorBody.safeParse(json(answer.text));
  if (!body.success) return null;
  const fields = body.data.error.fields ?? [];
  return fields.length > 0 ? fields.map((field) => field.message).join(' ') : body.data.error.message;
}

/** What an answer means for the upload, whatever the request was. */
function meaning(answer: Answer): Step | null {
  if (answer.status === 401) return { kind: 'unauthenticated' };
  if (answer.status === 404 || answer.status === 410) return { kind: 'gone' };
  if (answer.status === 400 || answer.status === 413 || answer.status === 415 || answer.status === 422) {
    const reason = reasonOf(answer);
    return reason ? { kind: 'refused', reason } : { kind: 'network' };
  }
  // 429, 5xx, a proxy's page: try again a little later.
  if (answer.status === 0 || answer.status >= 429) return { kind: 'network' };
  return null;
}

export class Upload {
  private id: string | null = null;
  /** The server's suggestion: the first piece's size, and the smallest. */
  private chunkSize = 0;
  private pieceSize = 0;
  private offset = 0;
  /** False after a dropped connection: ask the server where it stands (HEAD) before sending more. */
  private synced = true;
  private restarted = false;
  private running = false;
  private stopped = false;
  private xhr: XMLHttpRequest | null = null;
  private wake: (() => void) | null = null;

  constructor(
    readonly source: UploadSource,
    private readonly options: UploadOptions,
  ) {}

  get size(): number {
    return this.source.blob.size;
  }

  /** Starts, or resumes after a pause ("Reprendre"). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
    });
  }

  /** "Annuler": stops sending and asks the server to forget what it has. */
  cancel(): void {
    if (this.stopped) return;
    this.stop();
    this.options.onChange({ phase: 'cancelled' });
  }

  /** The page goes away: stop, and drop the unfinished upload on the server. */
  dispose(): void {
    if (!this.stopped) this.stop();
  }

  private stop(): void {
    this.stopped = true;
    this.xhr?.abort();
    this.wake?.();
    if (this.id) this.forget(this.id);
  }

  private forget(id: string): void {
    try {
      void fetch(path(id), { method: 'DELETE', credentials: 'same-origin', keepalive: true, cache: 'no-store' }).catch(() => undefined);
    } catch {
      // The server drops unfinished uploads when they expire.
    }
  }

  private progress(retrying = false): void {
    this.options.onChange({ phase: 'uploading', sent: this.offset, retrying });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    /** Tries start again only when bytes got through (a HEAD that answers is not enough). */
    let mark = this.offset;
    let renewed = false;
    this.progress();
    if (!(await this.options.session(false))) return this.finish({ phase: 'session_lost' });
    while (!this.stopped) {
      const step = this.id === null ? await this.create() : this.synced ? await this.sendPiece() : await this.ask();
      if (this.stopped) return;
      switch (step.kind) {
        case 'ok':
          if (this.offset > mark) {
            failures = 0;
            mark = this.offset;
          }
          this.progress();
          break;
        case 'done':
          if (step.view) this.options.onView(step.view, step.skewMs);
          return this.finish({ phase: 'done' });
        case 'refused':
          this.id = null;
          return this.finish({ phase: 'refused', reason: step.reason });
        case 'unauthenticated':
          if (renewed || !(await this.options.session(true))) return this.finish({ phase: 'session_lost' });
          renewed = true;
          this.synced = false;
          break;
        case 'gone':
          // The server no longer knows this upload (expired, or a new session): start again once.
          if (this.restarted) return this.finish({ phase: 'expired' });
          this.restarted = true;
          this.id = null;
          this.offset = 0;
          this.synced = true;
          break;
        case 'network': {
          const delay = RETRY_DELAYS_MS[failures];
          failures += 1;
          this.synced = false;
          if (delay === undefined) return this.finish({ phase: 'paused', sent: this.offset });
          this.progress(true);
          await this.sleep(delay);
          break;
        }
      }
    }
  }

  private finish(state: UploadState): void {
    if (!this.stopped) this.options.onChange(state);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = window.setTimeout(done, ms);
      function done() {
        window.clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private headers(): Record<string, string> {
    return { Accept: 'application/json', 'Accept-Language': this.options.locale };
  }

  private async create(): Promise<Step> {
    const { kind, name, type, keepOriginal } = this.source;
    let answer: Answer;
    try {
      const response = await fetch('/api/follow-up/uploads', {
        method: 'POST',
        headers: { ...this.headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind, name, type, size: this.size, keepOriginal }),
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(60_000),
      });
      answer = { status: response.status, header: (h) => response.headers.get(h), text: await response.text() };
    } catch {
      return { kind: 'network' };
    }
    if (answer.status === 201) {
      const body = json(answer.text) as { uploadId?: unknown; offset?: unknown; chunkSize?: unknown } | null;
      if (typeof body?.uploadId !== 'string' || typeof body.chunkSize !== 'number' || body.chunkSize <= 0) return { kind: 'network' };
      if (this.stopped) {
        this.forget(body.uploadId);
        return { kind: 'ok' };
      }
      this.id = body.uploadId;
      this.chunkSize = Math.floor(body.chunkSize);
      this.pieceSize = this.chunkSize;
      this.offset = typeof body.offset === 'number' && body.offset >= 0 ? body.offset : 0;
      this.synced = true;
      return { kind: 'ok' };
    }
    return meaning(answer) ?? { kind: 'network' };
  }

  /** HEAD: where the server stands after a dropped connection. */
  private async ask(): Promise<Step> {
    if (!this.id) return { kind: 'ok' };
    let answer: Answer;
    try {
      const response = await fetch(path(this.id), {
        method: 'HEAD',
        headers: this.headers(),
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(60_000),
      });
      answer = { status: response.status, header: (h) => response.headers.get(h), text: '' };
    } catch {
      return { kind: 'network' };
    }
    const offset = answer.status < 300 ? offsetFrom(answer) : null;
    if (offset !== null && offset <= this.size) {
      this.offset = offset;
      this.synced = true;
      return { kind: 'ok' };
    }
    return meaning(answer) ?? { kind: 'network' };
  }

  /** PATCH the next piece, with progress inside the piece (XMLHttpRequest: fetch cannot report upload progress). */
  private async sendPiece(): Promise<Step> {
    if (!this.id) return { kind: 'ok' };
    const start = this.offset;
    const piece = this.source.blob.slice(start, Math.min(start + this.pieceSize, this.size));
    const sentAt = performance.now();
    const answer = await new Promise<Answer>((resolve) => {
      const xhr = new XMLHttpRequest();
      this.xhr = xhr;
      xhr.open('PATCH', path(this.id ?? ''));
      for (const [name, value] of Object.entries(this.headers())) xhr.setRequestHeader(name, value);
      xhr.setRequestHeader('Upload-Offset', String(start));
      xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
      xhr.timeout = pieceTimeout(piece.size);
      xhr.upload.onprogress = (event) => {
        if (!this.stopped) this.options.onChange({ phase: 'uploading', sent: start + Math.min(event.loaded, piece.size), retrying: false });
      };
      const failed = () => resolve({ status: 0, header: () => null, text: '' });
      xhr.onerror = failed;
      xhr.ontimeout = failed;
      xhr.onabort = failed;
      xhr.onload = () => resolve({ status: xhr.status, header: (h) => xhr.getResponseHeader(h), text: xhr.responseText });
      xhr.send(piece);
    });
    this.xhr = null;
    this.pieceSize = nextPieceSize(
      this.pieceSize,
      this.chunkSize,
      answer.status === 0 ? { sent: false } : { sent: true, bytes: piece.size, ms: performance.now() - sentAt },
    );
    if (answer.status === 204) {
      const offset = offsetFrom(answer) ?? start + piece.size;
      // A server that went back is followed; one that claims more than the file is asked again.
      if (offset > this.size) this.synced = false;
      else this.offset = offset;
      return { kind: 'ok' };
    }
    if (answer.status === 201 || (answer.status === 200 && start + piece.size >= this.size)) {
      this.offset = this.size;
      const view = FollowUpView.safeParse(json(answer.text));
      return { kind: 'done', view: view.success ? view.data : null, skewMs: skewFrom(answer) };
    }
    if (answer.status === 409) {
      const offset = offsetFrom(answer);
      // Out of step: go on from where the server is (the same place again would loop, so count it as a failure).
      if (offset === start) return { kind: 'network' };
      if (offset !== null && offset <= this.size) this.offset = offset;
      else this.synced = false;
      return { kind: 'ok' };
    }
    return meaning(answer) ?? { kind: 'network' };
  }
}
