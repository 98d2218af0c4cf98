import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { SITE_LOCALES } from '@mnpddh/shared';
import { PageTitle } from './i18n/page-title';
import { HomePage } from './intake/home-page';
import { NotFoundPage } from './intake/not-found-page';
import { lazyPage } from './ui/lazy-page';
import { PublicLayout } from './ui/public-layout';

// The form, follow-up and call-back pages carry zod and the shared schemas:
// each is its own chunk, so the home page stays small on 2G.
const RequestPage = lazyPage(() => import('./intake/request/request-page'));
const FollowUpPage = lazyPage(() => import('./intake/follow-up/follow-up-page'));
const CallbackPage = lazyPage(() => import('./intake/callback/callback-page'));
// Help carries the privacy notice: it is read far less often than the home page is loaded.
const HelpPage = lazyPage(() => import('./intake/help-page').then((module) => ({ default: module.HelpPage })));

// The staff area is a separate chunk: public visitors never download it.
const StaffPage = lazy(() => import('./dashboard/staff-page'));

export function App() {
  return (
    <>
      <PageTitle />
      <Routes>
      {/* One layout for every language: switching keeps it (and the form held in memory) in place. */}
      <Route element={<PublicLayout />}>
        {publicPages()}
        {SITE_LOCALES.map((code) => (
          <Route key={code} path={code}>
            {publicPages()}
          </Route>
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route
        path="personnel/*"
        element={
          <Suspense fallback={null}>
            <StaffPage />
          </Suspense>
        }
      />
      </Routes>
    </>
  );
}

/** The public pages, at the unprefixed addresses and under each language's prefix ('/bm/demande'). */
function publicPages() {
  return (
    <>
      <Route index element={<HomePage />} />
      <Route path="demande" element={<RequestPage />} />
      <Route path="suivi" element={<FollowUpPage />} />
      <Route path="rappel" element={<CallbackPage />} />
      <Route path="aide" element={<HelpPage />} />
    </>
  );
}
