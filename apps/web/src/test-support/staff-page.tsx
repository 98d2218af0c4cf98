import { configure, render, type RenderResult } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { FRENCH } from '../i18n/catalogues';
import { I18nProvider } from '../i18n/i18n-context';
import { ReferenceProvider } from '../dashboard/reference/use-reference';
import { StaffSessionProvider, useStaffSession } from '../dashboard/session';
import { PublicRouter } from '../ui/router';

// findBy… and waitFor wait up to 1 s by default: too short on a loaded 2-core machine, where the first render alone can take that.
configure({ asyncUtilTimeout: 15_000 });

/** Shows the page once the session is known to be signed in, as the staff area does before any case screen. */
function SignedIn({ children }: { children: ReactNode }) {
  const { status, check } = useStaffSession();
  useEffect(() => check(), [check]);
  return status === 'signed-in' ? <>{children}</> : null;
}

/**
 * A staff screen as the dashboard mounts it (staff-page.tsx), in French:
 * the real router, language, session and reference-list providers, with
 * `fetch` answered by fakeApi(). Install the fake before rendering.
 */
export function renderSignedIn(screen: ReactNode): RenderResult {
  return render(
    <PublicRouter>
      <I18nProvider first={FRENCH}>
        <StaffSessionProvider>
          <SignedIn>
            <ReferenceProvider>{screen}</ReferenceProvider>
          </SignedIn>
        </StaffSessionProvider>
      </I18nProvider>
    </PublicRouter>,
  );
}
