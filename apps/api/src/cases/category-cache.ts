import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { IDLE_TIMEOUT_MS, SessionService, type EndedSessions } from '../auth/session.service.js';
import type { CaseCategories } from '../vault/case-content.js';

/** Most sessions held at once (the least recently used goes first) and most cases per session. */
export const MAX_SESSIONS = 200;
export const MAX_CASES_PER_SESSION = 20_000;
const SWEEP_INTERVAL_MS = 60_000;

/**
 * What a cached entry was decrypted from: the revision (every write of the
 * case bumps it, re-keying included), the index row's MAC and the case key.
 */
export function fingerprintOf(row: { readonly revision: number; readonly indexMac: string; readonly caseKeyId: string }): string {
  return `${row.revision}\n${row.indexMac}\n${row.caseKeyId}`;
}

interface CachedCategories {
  /** What the entry was decrypted from: the case's revision, index MAC and case key id. */
  readonly fingerprint: string;
  /** null: the case failed its integrity check (already audited for this fingerprint). */
  readonly categories: CaseCategories | null;
}

interface SessionEntries {
  readonly userId: string;
  readonly expiresAt: number;
  lastUsed: number;
  readonly cases: Map<string, CachedCategories>;
}

/**
 * SECURITY.md's per-session cache of decrypted categories: staff filter on
 * region, threat type, profile and language by decrypting in memory the
 * cases they hold; this keeps what was decrypted for the rest of the
 * session so the next list call decrypts only what changed. Keyed by the
 * session id hash; an entry is used only while its fingerprint (revision,
 * index MAC, case key id) matches the row. It dies with the session:
 * logout, rotation, "end all sessions", deactivation (SessionService tells
 * us), idle timeout or absolute expiry (swept here), or eviction when full.
 * In memory only, never written anywhere.
 */
@Injectable()
export class CategoryCache implements OnModuleDestroy {
  private readonly sessions = new Map<string, SessionEntries>();
  private readonly unsubscribe: () => void;
  private readonly sweeper: NodeJS.Timeout;

  constructor(sessions: SessionService) {
    this.unsubscribe = sessions.onSessionsEnded((ended) => this.drop(ended));
    this.sweeper = setInterval(() => this.sweep(Date.now()), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
    this.unsubscribe();
    this.sessions.clear();
  }

  /** The entries of a session (created when absent), marked as used now. */
  session(idHash: string, userId: string, expiresAt: Date, now = Date.now()): SessionCategories {
    this.sweep(now);
    let entries = this.sessions.get(idHash);
    if (entries && entries.userId !== userId) {
      this.sessions.delete(idHash);
      entries = undefined;
    }
    if (!entries) {
      entries = { userId, expiresAt: expiresAt.getTime(), lastUsed: now, cases: new Map() };
      while (this.sessions.size >= MAX_SESSIONS) this.evictLeastRecent();
    } else {
      this.sessions.delete(idHash);
    }
    entries.lastUsed = now;
    // Re-inserted: the Map's order is the least-recently-used order.
    this.sessions.set(idHash, entries);
    return new SessionCategories(entries.cases);
  }

  /** How many sessions and cases are held (for tests and the benchmark). */
  size(): { sessions: number; cases: number } {
    let cases = 0;
    for (const entries of this.sessions.values()) cases += entries.cases.size;
    return { sessions: this.sessions.size, cases };
  }

  has(idHash: string): boolean {
    return this.sessions.has(idHash);
  }

  drop(ended: EndedSessions): void {
    if ('idHash' in ended) {
      this.sessions.delete(ended.idHash);
      return;
    }
    for (const [idHash, entries] of this.sessions) {
      if (entries.userId === ended.userId && idHash !== ended.except) this.sessions.delete(idHash);
    }
  }

  /** Drops sessions idle for the session idle timeout or past their absolute end. */
  sweep(now: number): void {
    for (const [idHash, entries] of this.sessions) {
      if (entries.lastUsed + IDLE_TIMEOUT_MS <= now || entries.expiresAt <= now) this.sessions.delete(idHash);
    }
  }

  private evictLeastRecent(): void {
    const oldest = this.sessions.keys().next();
    if (!oldest.done) this.sessions.delete(oldest.value);
  }
}

/** One session's cached categories by case id. */
export class SessionCategories {
  constructor(private readonly cases: Map<string, CachedCategories>) {}

  get(caseId: string, fingerprint: string): CachedCategories | undefined {
    const cached = this.cases.get(caseId);
    if (!cached) return undefined;
    if (cached.fingerprint === fingerprint) return cached;
    this.cases.delete(caseId);
    return undefined;
  }

  set(caseId: string, fingerprint: string, categories: CaseCategories | null): void {
    this.cases.delete(caseId);
    if (this.cases.size >= MAX_CASES_PER_SESSION) {
      const oldest = this.cases.keys().next();
      if (!oldest.done) this.cases.delete(oldest.value);
    }
    this.cases.set(caseId, { fingerprint, categories });
  }
}
