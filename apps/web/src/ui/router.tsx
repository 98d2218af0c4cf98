import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/*
 * The public pages' router: the address, a link that changes it without a
 * reload, and the back button. A router library costs ~13 KiB gzip on every
 * public page on 2G; these pages need only this much. The staff area keeps
 * its router in its own chunk, driven by this same history (staff-router.tsx),
 * so there is one address and one source of truth for it.
 */

/** Where the page is: the address's parts and what a navigation left in the history entry. */
export interface Place {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly state: unknown;
  /** 'push', 'replace', or 'pop' (back, forward, first load): how the place was reached. */
  readonly how: 'push' | 'replace' | 'pop';
}

export interface Navigation {
  readonly place: Place;
  go: (to: string, options?: { replace?: boolean; state?: unknown }) => void;
}

const RouterContext = createContext<Navigation | null>(null);

function here(how: Place['how']): Place {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash, state: (window.history.state as { usr?: unknown } | null)?.usr ?? null, how };
}

export function PublicRouter({ children }: { children: ReactNode }) {
  const [place, setPlace] = useState(() => here('pop'));
  useEffect(() => {
    const onPop = () => setPlace(here('pop'));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback<Navigation['go']>((to, { replace = false, state = null } = {}) => {
    // The state sits under `usr`, where react-router (the staff area's) reads it.
    const entry = { usr: state };
    if (replace) window.history.replaceState(entry, '', to);
    else window.history.pushState(entry, '', to);
    setPlace(here(replace ? 'replace' : 'push'));
  }, []);
  const navigation = useMemo<Navigation>(() => ({ place, go }), [place, go]);
  return <RouterContext.Provider value={navigation}>{children}</RouterContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(RouterContext);
  if (!navigation) throw new Error('the page needs a <PublicRouter> above it');
  return navigation;
}

export function useLocation(): Place {
  return useNavigation().place;
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: string;
  readonly replace?: boolean;
  /** A full page load: the server decides what answers (the staff area may live on another host). */
  readonly reloadDocument?: boolean;
}

/** A real link (it works without script, can be opened in a new tab); a plain left click changes the page in place. */
export function Link({ to, replace, reloadDocument, onClick, ...props }: LinkProps) {
  const { go } = useNavigation();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || reloadDocument || props.target || event.button !== 0) return;
    if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    go(to, { replace });
  };
  return <a {...props} href={to} onClick={follow} />;
}
