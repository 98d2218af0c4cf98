import { lazy, Suspense, type ComponentType } from 'react';
import { loadFormWords } from './i18n/catalogues';
import { shownLocale } from './i18n/format';
import { PageTitle } from './i18n/page-title';
import { isStaffPath, splitLocalePath } from './i18n/locale-path';
import { HomePage } from './intake/home-page';
import { NotFoundPage } from './intake/not-found-page';
import { lazyPage } from './ui/lazy-page';
import { PublicLayout } from './ui/public-layout';
import { useLocation } from './ui/router';

/** A form page arrives with the form's words in the language shown (French if they cannot be downloaded); `later`: all of them. */
function withFormWords<T>(page: Promise<T>, later = false): Promise<T> {
  return Promise.all([page, loadFormWords(shownLocale(), later).catch(() => ({}))]).then(([module]) => module);
}

// The form, follow-up and call-back pages carry the form's words and code:
// each is its own chunk, so the home page stays small on 2G.
const RequestPage = lazyPage(() => withFormWords(import('./intake/request/request-page')));
const FollowUpPage = lazyPage(() => withFormWords(import('./intake/follow-up/follow-up-page'), true));
const CallbackPage = lazyPage(() => withFormWords(import('./intake/callback/callback-page'), true));
// Help carries the privacy notice: it is read far less often than the home page is loaded.
const HelpPage = lazyPage(() => import('./intake/help-page').then((module) => ({ default: module.HelpPage })));

// The staff area is a separate chunk: public visitors never download it.
const StaffPage = lazy(() => import('./dashboard/staff-page'));

/** The public pages, at the unprefixed addresses and under each language's prefix ('/bm/demande'). */
const PUBLIC_PAGES: Readonly<Record<string, ComponentType>> = {
  '/': HomePage,
  '/demande': RequestPage,
  '/suivi': FollowUpPage,
  '/rappel': CallbackPage,
  '/aide': HelpPage,
};

/** A page's name as the router matches it: any case, with or without a trailing slash. */
function pageOf(pathname: string): string {
  const page = splitLocalePath(pathname).page.toLowerCase();
  return page.length > 1 ? page.replace(/\/+$/, '') : '/';
}

export function App() {
  const { pathname } = useLocation();
  if (isStaffPath(pathname.toLowerCase())) {
    return (
      <>
        <PageTitle />
        <Suspense fallback={null}>
          <StaffPage />
        </Suspense>
      </>
    );
  }
  const Page = PUBLIC_PAGES[pageOf(pathname)] ?? NotFoundPage;
  return (
    <>
      <PageTitle />
      {/* One layout for every language: switching keeps it (and the form held in memory) in place. */}
      <PublicLayout>
        <Page />
      </PublicLayout>
    </>
  );
}
