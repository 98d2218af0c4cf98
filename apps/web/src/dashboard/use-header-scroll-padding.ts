import { useEffect, type RefObject } from 'react';

/** Room between the header and what is scrolled to: the same 1rem the public pages keep. */
const GAP_PX = 16;

/**
 * Keeps what is scrolled to or focused out from under the sticky staff
 * header (WCAG 2.4.11): the page's scroll padding follows the header's real
 * height, which the menu makes taller than the public header the base
 * stylesheet counts on. Where the header scrolls away (phones, short screens)
 * the stylesheet's own padding applies.
 */
export function useHeaderScrollPadding(header: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = header.current;
    if (!element) return;
    const root = document.documentElement;
    const follow = () => {
      if (getComputedStyle(element).position === 'sticky') root.style.scrollPaddingTop = `${Math.ceil(element.getBoundingClientRect().height) + GAP_PX}px`;
      else root.style.removeProperty('scroll-padding-top');
    };
    const observer = new ResizeObserver(follow);
    observer.observe(element);
    // The header's position changes with the viewport (narrow.css), not always its size.
    window.addEventListener('resize', follow);
    follow();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', follow);
      root.style.removeProperty('scroll-padding-top');
    };
  }, [header]);
}
