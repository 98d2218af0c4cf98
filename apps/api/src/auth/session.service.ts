import { Inject, Injectable } from '@nestjs/common';
import type { SessionInfo, StaffRole } from '@mnpddh/shared';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import {
  createSessionSecrets,
  CryptoError,
  csrfTokenMatches,
  deriveCsrfToken,
  hashSessionId,
  unwrapPrivateKeyForSession,
  wrapPrivateKeyForSession,
  type IdentityKeyPair,
} from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { StaffSessionContext } from '../common/current-staff.js';
import { encodeSessionCookie, type SessionCookieValue } from './session-cookie.js';
import { SessionRepository } from './session.repository.js';
import type { StaffRecord } from './staff.repository.js';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most once a minute: one UPDATE per minute of activity, not per request. */
export const TOUCH_INTERVAL_MS = 60_000;

/** Sessions that just ended: one (logout, rotation, expiry found at resume) or all of a person's but `except`. */
export type EndedSessions = { readonly idHash: string } | { readonly userId: string; readonly except?: string };

export interface OpenedSession {
  /** the cookie's value: session id and session key (never stored) */
  readonly cookie: string;
  readonly csrfToken: string;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

/**
 * Server-side sessions (SECURITY.md): the database holds a hash of the id
 * and the private key wrapped under the cookie's session key; a database
 * leak opens no session and no key, and neither does a cookie whose row is
 * gone (idle 30 min, 12 h absolute, logout, deactivation).
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly sessions: SessionRepository,
    private readonly directory: DirectoryService,
    private readonly anchor: IntegrityAnchor,
  ) {}

  private readonly endListeners = new Set<(ended: EndedSessions) => void>();

  /**
   * Called when sessions end, so that what lives in memory for a session
   * (the case list's decrypted categories) dies with it. Returns the
   * unsubscribe function.
   */
  onSessionsEnded(listener: (ended: EndedSessions) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private ended(ended: EndedSessions): void {
    for (const listener of this.endListeners) listener(ended);
  }

  async open(db: Db, userId: string, keyPair: IdentityKeyPair, now: Date): Promise<OpenedSession> {
    const secrets = createSessionSecrets();
    const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
    await this.sessions.create(db, {
      idHash: secrets.sessionIdHash,
      userId,
      wrappedPrivateKey: wrapPrivateKeyForSession(keyPair, secrets.sessionKey, { sessionIdHash: secrets.sessionIdHash, userId }),
      lastSeenAt: now,
      expiresAt,
    });
    return {
      cookie: encodeSessionCookie(secrets),
      csrfToken: deriveCsrfToken(secrets.sessionKey, secrets.sessionIdHash),
      lastSeenAt: now,
      expiresAt,
    };
  }

  /**
   * The session a cookie names, if still valid, with the key pair unwrapped
   * for this request. Null when absent, expired (the row is deleted then),
   * the account inactive, the key not opening, or the certificate no longer
   * matching the row (roles or on-call changed in SQL: they grant nothing).
   */
  async resume(cookie: SessionCookieValue | null, now: Date): Promise<StaffSessionContext | null> {
    const idHash = cookie ? idHashOf(cookie.sessionId) : null;
    if (!cookie || !idHash) return null;
    const row = await this.sessions.findWithUser(this.prisma, idHash);
    if (!row) return null;
    const { user } = row;
    if (isExpired(row, now) || !user.active || !user.publicKey || !(await this.anchor.isActiveStaff(user.id))) {
      await this.sessions.delete(this.prisma, idHash);
      this.ended({ idHash });
      return null;
    }
    if (!this.directory.staffRecipient(user)) return null;
    const keyPair = this.unwrap(row.wrappedPrivateKey, cookie.sessionKey, idHash, user);
    if (!keyPair) return null;
    let lastSeenAt = row.lastSeenAt;
    if (now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.sessions.touch(this.prisma, idHash, now);
      lastSeenAt = now;
    }
    return {
      staff: {
        id: user.id,
        email: user.email,
        name: user.name,
        roles: user.roles,
        onCall: user.onCall,
        keyPair,
        session: { idHash, expiresAt: row.expiresAt },
      },
      idHash,
      lastSeenAt,
      expiresAt: row.expiresAt,
      csrfToken: deriveCsrfToken(cookie.sessionKey, idHash),
      csrfMatches: (presented) => csrfTokenMatches(cookie.sessionKey, idHash, presented),
    };
  }

  /** Rotation at login: the session the browser still presented (if any) ends. */
  async endPresented(db: Db, cookie: SessionCookieValue | null): Promise<void> {
    const idHash = cookie ? idHashOf(cookie.sessionId) : null;
    if (idHash) {
      await this.sessions.delete(db, idHash);
      this.ended({ idHash });
    }
  }

  async end(db: Db, idHash: string): Promise<void> {
    await this.sessions.delete(db, idHash);
    this.ended({ idHash });
  }

  /** Ends every session of a person (deactivation, password reset, admin's "end all sessions"). */
  async endAllOf(db: Db, userId: string, except?: string): Promise<number> {
    const count = await this.sessions.deleteAllOf(db, userId, except);
    this.ended(except === undefined ? { userId } : { userId, except });
    return count;
  }

  /** Removes the rows (and wrapped keys) of sessions nobody can use any more. */
  purgeExpired(db: Db, now: Date): Promise<void> {
    return this.sessions.deleteExpired(db, now, new Date(now.getTime() - IDLE_TIMEOUT_MS));
  }

  private unwrap(wrapped: string, sessionKey: string, sessionIdHash: string, user: StaffRecord): IdentityKeyPair | null {
    try {
      return unwrapPrivateKeyForSession(wrapped, sessionKey, { sessionIdHash, userId: user.id, publicKey: user.publicKey as string });
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      this.runtime.logger.warn({ userId: user.id, code: error.code }, 'session key did not open');
      return null;
    }
  }
}

/** Null for an id that is not canonical base64url (a forged cookie): no session, not an error. */
function idHashOf(sessionId: string): string | null {
  try {
    return hashSessionId(sessionId);
  } catch (error) {
    if (error instanceof CryptoError) return null;
    throw error;
  }
}

function isExpired(row: { lastSeenAt: Date; expiresAt: Date }, now: Date): boolean {
  return row.expiresAt.getTime() <= now.getTime() || row.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= now.getTime();
}

/** What the dashboard knows of its session; the idle end never passes the absolute one. */
export function sessionInfo(
  user: { id: string; email: string; name: string; roles: readonly StaffRole[]; onCall: boolean },
  session: Pick<OpenedSession, 'csrfToken' | 'lastSeenAt' | 'expiresAt'>,
  recoveryCodes?: string[],
): SessionInfo {
  const idle = Math.min(session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS, session.expiresAt.getTime());
  return {
    user: { id: user.id, email: user.email, name: user.name, roles: [...user.roles], onCall: user.onCall },
    csrfToken: session.csrfToken,
    idleExpiresAt: new Date(idle).toISOString(),
    absoluteExpiresAt: session.expiresAt.toISOString(),
    ...(recoveryCodes ? { recoveryCodes } : {}),
  };
}
