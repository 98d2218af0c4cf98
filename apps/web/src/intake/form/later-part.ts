import { useEffect, useState } from 'react';

/*
 * A part of a page in its own chunk, fetched ahead (while the person types
 * the first screen) and shown when needed. A failed download (a dropped 2G
 * connection) is forgotten, so the next attempt fetches it again.
 */
export interface LaterPart<T> {
  /** The part, if it has arrived. */
  readonly ready: () => T | null;
  /** Fetches it once (again after a failure). */
  readonly load: () => Promise<T>;
}

export function laterPart<T>(fetch: () => Promise<T>): LaterPart<T> {
  let arrived: T | null = null;
  let pending: Promise<T> | null = null;
  const load = () =>
    (pending ??= fetch().then(
      (part) => (arrived = part),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  return { ready: () => arrived, load };
}

/** The part when it has arrived (fetched when `needed`), whether its download failed, and a way to try again. */
export function useLaterPart<T>(part: LaterPart<T>, needed: boolean): { value: T | null; failed: boolean; retry: () => void } {
  const [, setArrived] = useState(0);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const value = part.ready();
  useEffect(() => {
    if (!needed || value) return;
    let current = true;
    part.load().then(
      () => current && setArrived((n) => n + 1),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [part, needed, value, attempt]);
  const retry = () => {
    setFailed(false);
    setAttempt((n) => n + 1);
  };
  return { value, failed, retry };
}
