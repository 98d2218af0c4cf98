import { useEffect, useRef, type RefObject } from 'react';
import { splitLocalePath } from '../i18n/locale-path';
import { useLocation } from './router';

/**
 * After a client-side navigation, start the new page at its top and move
 * focus to the main content, as a full page load would: screen-reader and
 * keyboard users are not left on the link they just followed. The first
 * load is left alone so the skip link stays the first tab stop. Changing
 * language stays on the same page: focus stays on the language chosen.
 */
export function useFocusOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { page: pathname } = splitLocalePath(useLocation().pathname);
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname, main]);
}
