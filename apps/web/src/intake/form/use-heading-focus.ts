import { useEffect, useRef } from 'react';

/**
 * When `key` changes (a new step, the receipt), start at the top and move
 * focus to the new heading, so screen-reader and keyboard users land on what
 * just appeared instead of on a button that is gone. The first render is left
 * alone (the layout handles arriving on the page).
 */
export function useHeadingFocus<T extends HTMLElement = HTMLHeadingElement>(key: string) {
  const ref = useRef<T>(null);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    window.scrollTo(0, 0);
    ref.current?.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
