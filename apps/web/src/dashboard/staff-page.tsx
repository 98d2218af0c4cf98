import { Route, Routes } from 'react-router';
import { ActivationPage } from './activation/activation-page';
import { AdminPage } from './admin/admin-page';
import { StaffHomePage } from './home/staff-home-page';
import { StaffNotFoundPage } from './not-found-page';
import { RequireRole, RequireSession } from './require-session';
import { ReferenceProvider } from './reference/use-reference';
import { StaffSessionProvider } from './session';
import { SignInPage } from './sign-in/sign-in-page';
import { StaffLayout } from './staff-layout';
// Order matters: the narrow-screen rules come last.
import './styles/base.css';
import './styles/forms.css';
import './styles/pages.css';
import './styles/admin.css';
import './styles/narrow.css';

/**
 * The staff area, under /personnel. Loaded as its own chunk (see app.tsx) so
 * the public pages never download dashboard code, its strings or zod. The
 * page title stays the neutral one of the whole site.
 */
export default function StaffPage() {
  return (
    <StaffSessionProvider>
      <ReferenceProvider>
      <Routes>
        <Route element={<StaffLayout />}>
          <Route index element={<SignInPage />} />
          <Route path="activation" element={<ActivationPage />} />
          <Route element={<RequireSession />}>
            <Route path="accueil" element={<StaffHomePage />} />
            <Route
              path="admin"
              element={
                <RequireRole role="admin">
                  <AdminPage />
                </RequireRole>
              }
            />
          </Route>
          <Route path="*" element={<StaffNotFoundPage />} />
        </Route>
      </Routes>
      </ReferenceProvider>
    </StaffSessionProvider>
  );
}
