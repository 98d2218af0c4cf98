import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { FollowUpPage } from './intake/follow-up-page';
import { HelpPage } from './intake/help-page';
import { HomePage } from './intake/home-page';
import { NotFoundPage } from './intake/not-found-page';
import { RequestPage } from './intake/request-page';
import { PublicLayout } from './ui/public-layout';

// The staff area is a separate chunk: public visitors never download it.
const StaffPage = lazy(() => import('./dashboard/staff-page'));

export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<HomePage />} />
        <Route path="demande" element={<RequestPage />} />
        <Route path="suivi" element={<FollowUpPage />} />
        <Route path="aide" element={<HelpPage />} />
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
  );
}
