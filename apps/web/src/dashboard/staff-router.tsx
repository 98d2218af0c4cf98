import { useMemo, type ReactNode } from 'react';
import { createPath, NavigationType, Router, type Navigator, type To } from 'react-router';
import { useNavigation, type Place } from '../ui/router';

const HOW: Record<Place['how'], NavigationType> = { push: NavigationType.Push, replace: NavigationType.Replace, pop: NavigationType.Pop };

const href = (to: To) => (typeof to === 'string' ? to : createPath(to));

/**
 * The staff area's routes and links (react-router, in the staff chunk only)
 * read and change the one address the public router holds: a link from a
 * staff page to a public one, or the shared header's home link, moves both.
 */
export function StaffRouter({ children }: { children: ReactNode }) {
  const { place, go } = useNavigation();
  const navigator = useMemo<Navigator>(
    () => ({
      createHref: href,
      go: (delta) => window.history.go(delta),
      push: (to, state) => go(href(to), { state }),
      replace: (to, state) => go(href(to), { replace: true, state }),
    }),
    [go],
  );
  const location = { pathname: place.pathname, search: place.search, hash: place.hash, state: place.state };
  return (
    <Router location={location} navigationType={HOW[place.how]} navigator={navigator}>
      {children}
    </Router>
  );
}
