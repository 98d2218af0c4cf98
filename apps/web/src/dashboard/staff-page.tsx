import { Route, Routes } from 'react-router';
import { AgendaPage } from './agenda/agenda-page';
import { RevocationPage } from './revocation/revocation-page';
import { ReassignmentPage } from './reassignment/reassignment-page';
import { ErasedPage } from './data-subject/erased-page';
import { RetentionPage } from './retention/retention-page';
import { SideBySidePage } from './case-links/side-by-side-page';
import { SearchPage } from './search/search-page';
import { ActivationPage } from './activation/activation-page';
import { AdminPage } from './admin/admin-page';
import { CustodiansPage } from './custodians/custodians-page';
import { CaseListPage } from './cases/case-list-page';
import { CasePage } from './cases/case-page';
import { UrgentPage } from './cases/urgent-page';
import { ReferenceListsPage } from './admin/reference-page';
import { RotaPage } from './admin/rota-page';
import { PartnerDirectoryPage } from './admin/partner-page';
import { SpokenHelpPage } from './admin/spoken-help-page';
import { DocumentTemplatesPage } from './documents/templates-page';
import { AssistedIntakePage } from './assisted-intake/assisted-intake-page';
import { RequireAnyRole } from './assisted-intake/require-any-role';
import { StaffHomePage } from './home/staff-home-page';
import { StaffNotFoundPage } from './not-found-page';
import { RequireRole, RequireSession } from './require-session';
import { RequireCaseRole } from './cases/require-case-role';
import { ReferenceProvider } from './reference/use-reference';
import { StaffSessionProvider } from './session';
import { SignInPage } from './sign-in/sign-in-page';
import { SecurityKeysPage } from './security-keys/security-keys-page';
import { StaffLayout } from './staff-layout';
import { StaffRouter } from './staff-router';
import { AnnualReportPage } from '../reports/annual-report-page';
import { AuditPage } from '../reports/audit-page';
import { StatisticsPage } from '../reports/statistics-page';
// Order matters: the narrow-screen rules come last.
import './styles/base.css';
import './styles/forms.css';
import './styles/pages.css';
import './styles/admin.css';
import './styles/cases.css';
import './styles/intake-lists.css';
import './styles/narrow.css';
import '../reports/reports.css';

/**
 * The staff area, under /personnel. Loaded as its own chunk (see app.tsx) so
 * the public pages never download dashboard code, its strings or zod. The
 * page title stays the neutral one of the whole site.
 */
export default function StaffPage() {
  return (
    <StaffRouter>
      <Routes>
        <Route path="personnel/*" element={<StaffRoutes />} />
      </Routes>
    </StaffRouter>
  );
}

/** The pages under /personnel (paths relative to it). */
function StaffRoutes() {
  return (
    <StaffSessionProvider>
      <ReferenceProvider>
        <Routes>
          <Route element={<StaffLayout />}>
            <Route index element={<SignInPage />} />
            <Route path="activation" element={<ActivationPage />} />
            <Route element={<RequireSession />}>
              <Route path="accueil" element={<StaffHomePage />} />
              <Route path="cles-de-securite" element={<SecurityKeysPage />} />
              <Route
                path="dossiers"
                element={
                  <RequireCaseRole>
                    <CaseListPage />
                  </RequireCaseRole>
                }
              />
              <Route
                path="dossiers/:id"
                element={
                  <RequireCaseRole>
                    <CasePage />
                  </RequireCaseRole>
                }
              />
              <Route
                path="urgences"
                element={
                  <RequireCaseRole>
                    <UrgentPage />
                  </RequireCaseRole>
                }
              />
              <Route
                path="agenda"
                element={
                  <RequireCaseRole>
                    <AgendaPage />
                  </RequireCaseRole>
                }
              />
              <Route
                path="dossiers/reattribution"
                element={
                  <RequireRole role="supervisor">
                    <ReassignmentPage />
                  </RequireRole>
                }
              />
              <Route
                path="dossiers/efface"
                element={
                  <RequireCaseRole>
                    <ErasedPage />
                  </RequireCaseRole>
                }
              />
              <Route
                path="conservation"
                element={
                  <RequireAnyRole roles={['supervisor', 'admin']}>
                    <RetentionPage />
                  </RequireAnyRole>
                }
              />
              <Route
                path="dossiers/:id/cote-a-cote/:otherId"
                element={
                  <RequireCaseRole>
                    <SideBySidePage />
                  </RequireCaseRole>
                }
              />
              <Route
                path="recherche"
                element={
                  <RequireCaseRole>
                    <SearchPage />
                  </RequireCaseRole>
                }
              />
              <Route
                path="saisie"
                element={
                  <RequireAnyRole roles={['caseworker', 'supervisor']}>
                    <AssistedIntakePage />
                  </RequireAnyRole>
                }
              />
              <Route
                path="statistiques"
                element={
                  <RequireAnyRole roles={['auditor', 'supervisor']}>
                    <StatisticsPage />
                  </RequireAnyRole>
                }
              />
              <Route
                path="statistiques/rapport"
                element={
                  <RequireAnyRole roles={['auditor', 'supervisor']}>
                    <AnnualReportPage />
                  </RequireAnyRole>
                }
              />
              <Route
                path="revocation"
                element={
                  <RequireRole role="supervisor">
                    <RevocationPage />
                  </RequireRole>
                }
              />
              <Route
                path="depositaires"
                element={
                  <RequireRole role="custodian">
                    <CustodiansPage />
                  </RequireRole>
                }
              />
              <Route
                path="journal"
                element={
                  <RequireAnyRole roles={['auditor', 'admin']}>
                    <AuditPage />
                  </RequireAnyRole>
                }
              />
              <Route
                path="admin/listes"
                element={
                  <RequireRole role="admin">
                    <ReferenceListsPage />
                  </RequireRole>
                }
              />
              <Route
                path="admin/aide-parlee"
                element={
                  <RequireRole role="admin">
                    <SpokenHelpPage />
                  </RequireRole>
                }
              />
              <Route
                path="admin/astreinte"
                element={
                  <RequireAnyRole roles={['admin', 'supervisor']}>
                    <RotaPage />
                  </RequireAnyRole>
                }
              />
              <Route
                path="admin/partenaires"
                element={
                  <RequireAnyRole roles={['admin', 'supervisor']}>
                    <PartnerDirectoryPage />
                  </RequireAnyRole>
                }
              />
              <Route
                path="admin/modeles"
                element={
                  <RequireAnyRole roles={['admin', 'supervisor']}>
                    <DocumentTemplatesPage />
                  </RequireAnyRole>
                }
              />
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
