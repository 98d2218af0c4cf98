import { useEffect, useId } from 'react';
import { QUICK_EXIT_ESCAPE_WINDOW_MS, QUICK_EXIT_URL } from '../config';
import { useT } from '../i18n/i18n-context';
import { ExitIcon } from './icons';

const exitListeners = new Set<() => void>();

/**
 * Lets a page drop what it holds (a form kept in memory, an open follow-up
 * session) when the person leaves with "Quitter vite". Returns the undo.
 */
export function onQuickExit(listener: () => void): () => void {
  exitListeners.add(listener);
  return () => {
    exitListeners.delete(listener);
  };
}

/**
 * Leaves at once. The page is blanked first because on a slow connection the
 * neutral site can take seconds to appear; `replace` puts it in place of this
 * page in the tab's history, so "Back" does not return here.
 */
export function quickExit(): void {
  for (const listener of exitListeners) {
    try {
      listener();
    } catch {
      // Nothing may delay leaving.
    }
  }
  document.body.replaceChildren();
  window.location.replace(QUICK_EXIT_URL);
}

/** Escape pressed twice in quick succession also leaves (keyboard users). */
export function useQuickExitShortcut(): void {
  useEffect(() => {
    let lastEscapeAt = Number.NEGATIVE_INFINITY;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.repeat) return;
      const now = performance.now();
      if (now - lastEscapeAt <= QUICK_EXIT_ESCAPE_WINDOW_MS) quickExit();
      lastEscapeAt = now;
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

export function QuickExitButton() {
  const t = useT();
  const hintId = useId();
  return (
    <>
      <button type="button" className="quick-exit" onClick={quickExit} aria-describedby={hintId}>
        <ExitIcon />
        <span>{t.layout.quickExit}</span>
      </button>
      <span id={hintId} className="visually-hidden">
        {t.layout.quickExitHint}
      </span>
    </>
  );
}
