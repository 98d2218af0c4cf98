import { useEffect, useState } from 'react';
import type { LaterPart } from '../../ui/lazy-page';

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
