import type { SessionInfo, StaffProfile } from '@mnpddh/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { createStaffApi, type Received, type StaffApi } from './api';

/** Why the sign-in page is shown again: it says so in one sentence. */
export type SignInNotice = 'expired' | 'signedOut' | 'activated';

/** Deadlines on this laptop's clock (corrected by the server's Date header). */
export interface SessionClock {
  idleDeadline: number;
  absoluteDeadline: number;
  /** The server's idle window, measured when the session was last read. */
  idleWindowMs: number;
}

export type SessionStatus = 'unknown' | 'checking' | 'signed-out' | 'signed-in';

interface StaffSession {
  status: SessionStatus;
  user: StaffProfile | null;
  clock: SessionClock | null;
  notice: SignInNotice | null;
  /** Filled after activation so the person types only the passphrase and code. */
  prefillEmail: string;
  /** Shown once after the sign-in that confirmed a new second factor, until the person says they wrote them down. */
  recoveryCodes: string[] | null;
}

interface StaffSessionContext extends StaffSession {
  api: StaffApi;
  /** Asks the server once whether a session exists (the cookie is httpOnly: only it knows). */
  check: () => void;
  signedIn: (received: Received<SessionInfo>) => void;
  /** "Rester connecté": reads the session again, which counts as activity. False when it is over. */
  refresh: () => Promise<boolean>;
  /** Throws an ApiError when the server could not be reached (the session may still be open). */
  signOut: () => Promise<void>;
  /** Ends the session locally (it ended on the server) and sends the person to sign in. */
  end: (notice: SignInNotice) => void;
  /** The idle or absolute deadline passed here: end it on the server too, in case this laptop's guess was early. */
  timedOut: () => void;
  activated: (email: string) => void;
  recoveryCodesNoted: () => void;
}

const Context = createContext<StaffSessionContext | null>(null);

/**
 * The server's deadlines as seen from here. The server notes activity at
 * most once a minute (TOUCH_INTERVAL_MS in the API's session service), so a
 * request may not move its idle deadline for up to 60 s: the local guess
 * stays that much (plus latency) on the early side.
 */
const ACTIVITY_MARGIN_MS = 70_000;

function clockFrom({ value, clockSkewMs }: Received<SessionInfo>, previous: SessionClock | null): SessionClock {
  const idle = Date.parse(value.idleExpiresAt);
  const absolute = Date.parse(value.absoluteExpiresAt);
  const serverNow = Date.now() + clockSkewMs;
  return {
    idleDeadline: idle - clockSkewMs,
    absoluteDeadline: absolute - clockSkewMs,
    // The window is longest right after the server noted activity: keep the longest seen.
    idleWindowMs: Math.max(0, idle - serverNow, previous?.idleWindowMs ?? 0),
  };
}

const signedOut: StaffSession = { status: 'signed-out', user: null, clock: null, notice: null, prefillEmail: '', recoveryCodes: null };

/**
 * The staff session, in memory only: a reload asks the server again. Nothing
 * about it is written to the device.
 */
export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const [locale] = useLocale();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const [state, setState] = useState<StaffSession>({ ...signedOut, status: 'unknown' });

  const end = useCallback((notice: SignInNotice) => {
    setState((current) => ({ ...signedOut, notice, prefillEmail: current.user?.email ?? '' }));
  }, []);

  const [api] = useState(() =>
    createStaffApi({
      getLocale: () => localeRef.current,
      onSessionLost: () => end('expired'),
      // The server counts every signed-in call as activity: move the idle deadline with it.
      onActivity: () =>
        setState((current) => {
          const clock = current.clock;
          if (!clock) return current;
          const idleDeadline = Math.min(clock.absoluteDeadline, Math.max(clock.idleDeadline, Date.now() + clock.idleWindowMs - ACTIVITY_MARGIN_MS));
          return idleDeadline === clock.idleDeadline ? current : { ...current, clock: { ...clock, idleDeadline } };
        }),
    }),
  );

  const signedIn = useCallback((received: Received<SessionInfo>) => {
    const codes = received.value.recoveryCodes;
    setState((current) => ({
      status: 'signed-in',
      user: received.value.user,
      clock: clockFrom(received, current.clock),
      notice: null,
      prefillEmail: '',
      // A later read of the session does not carry the codes: keep those not yet acknowledged.
      recoveryCodes: codes && codes.length > 0 ? codes : current.recoveryCodes,
    }));
  }, []);

  const checking = useRef(false);
  const check = useCallback(() => {
    if (checking.current) return;
    checking.current = true;
    setState((current) => (current.status === 'unknown' ? { ...current, status: 'checking' } : current));
    api
      .sessionState()
      .then((received) => (received ? signedIn(received) : setState((current) => ({ ...current, status: 'signed-out' }))))
      // Unreachable server: show the sign-in form, which will say what is wrong on the next try.
      .catch(() => setState((current) => ({ ...current, status: 'signed-out' })));
  }, [api, signedIn]);

  const refresh = useCallback(async () => {
    const received = await api.session();
    if (received) signedIn(received);
    else end('expired');
    return received !== null;
  }, [api, signedIn, end]);

  const signOut = useCallback(async () => {
    await api.logout();
    setState({ ...signedOut, notice: 'signedOut' });
  }, [api]);

  const activated = useCallback(
    (email: string) => {
      api.forget();
      setState({ ...signedOut, notice: 'activated', prefillEmail: email });
    },
    [api],
  );

  const timedOut = useCallback(() => {
    api.logout().catch(() => undefined);
    end('expired');
  }, [api, end]);

  const recoveryCodesNoted = useCallback(() => setState((current) => ({ ...current, recoveryCodes: null })), []);

  // Leaving the staff area (e.g. to the public site) forgets the token.
  useEffect(() => () => api.forget(), [api]);

  const value = useMemo(
    () => ({ ...state, api, check, signedIn, refresh, signOut, end, timedOut, activated, recoveryCodesNoted }),
    [state, api, check, signedIn, refresh, signOut, end, timedOut, activated, recoveryCodesNoted],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useStaffSession(): StaffSessionContext {
  const session = useContext(Context);
  if (!session) throw new Error('useStaffSession() needs a <StaffSessionProvider> above it');
  return session;
}
