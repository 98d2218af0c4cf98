import { useEffect } from 'react';
import type { SiteCatalogue as Catalogue } from '@mnpddh/shared';
import { useT } from './i18n-context';
import { splitLocalePath } from './locale-path';
import { useLocation } from '../ui/router';

type PublicPage = keyof Catalogue['meta']['pageTitles'];
type StaffPage = keyof Catalogue['meta']['staffTitles'];
const PUBLIC_PAGES: readonly PublicPage[] = ['demande', 'suivi', 'rappel', 'aide'];
const STAFF_PAGES: Record<string, StaffPage> = {
  '': 'connexion',
  accueil: 'accueil',
  urgences: 'urgences',
  agenda: 'agenda',
  recherche: 'recherche',
  saisie: 'saisie',
  statistiques: 'statistiques',
};

/**
 * A distinct title for each page ("Suivi — Informations"), so screen readers
 * and tabs tell pages apart, with names as neutral as the site's: a tab seen
 * over a shoulder or across a room says nothing of protection, a case or a
 * reference.
 */
export function PageTitle() {
  const t = useT();
  const { pathname } = useLocation();
  useEffect(() => {
    const page = pageName(splitLocalePath(pathname).page, t);
    document.title = page ? `${page} — ${t.meta.documentTitle}` : t.meta.documentTitle;
  }, [pathname, t]);
  return null;
}

function pageName(pathname: string, t: Catalogue): string | null {
  const [first = '', second = '', third] = pathname.split('/').slice(1);
  if (first !== 'personnel') {
    const page = first === '' ? 'home' : PUBLIC_PAGES.find((name) => name === first);
    return page ? t.meta.pageTitles[page] : null;
  }
  if (second === 'dossiers') return t.meta.staffTitles[third && third !== 'efface' ? 'fiche' : 'liste'];
  return t.meta.staffTitles[STAFF_PAGES[second] ?? 'autre'];
}
