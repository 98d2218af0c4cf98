import { createHash } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { IDLE_TIMEOUT_MS, SessionService, type EndedSessions } from '../auth/session.service.js';
import type { JournalEntry } from './case-entries.js';
import type { CaseReader } from './case-reader.js';

/** Most sessions held at once (the least recently used goes first) and most cases per session (a journal can be thousands of entries). */
export const MAX_JOURNAL_SESSIONS = 200;
export const MAX_JOURNALS_PER_SESSION = 20;
const SWEEP_INTERVAL_MS = 60_000;

interface CachedJournal {
  /** The state it was decrypted from: revision, manifest MAC (over the index and every entry id), case key id and a digest of every entry row. */
  readonly fingerprint: string;
  readonly entries: readonly JournalEntry[];
}

interface SessionJournals {
  readonly userId: string;
  readonly expiresAt: number;
  lastUsed: number;
  readonly cases: Map<string, CachedJournal>;
}

/** What of a case row names the state of its journal: its revision and MACs, and the entry rows as read (ciphertext included). */
export interface JournalStamp {
  readonly revision: number;
  readonly manifestMac: string;
  readonly caseKeyId: string;
  readonly entries: readonly { readonly id: string; readonly seq: number; readonly body: string }[];
}

/**
 * The decrypted journals of the cases a staff member opened, kept for the
 * rest of their session (SECURITY.md: staff decrypt in memory the cases they
 * hold, with a per-session cache that dies with the session), so that
 * opening an unchanged case decrypts only the page shown and a write does
 * not decrypt the whole journal again. An entry is used only while the case
 * row's fingerprint (revision, manifest MAC, case key id, and a SHA-256 of
 * every entry row's id, sequence and ciphertext as read) is the one it was
 * decrypted under, and only after that row's MACs verified: any write, by
 * anyone, moves the revision, and any ciphertext changed in SQL changes the
 * digest; either drops the kept journal, and the entries are decrypted (and
 * checked) again. It dies with
 * the session (logout, rotation, "end all sessions", deactivation, idle
 * timeout, absolute end) or is evicted when full. In memory only, never
 * written anywhere; a reader without a session (the scheduler, escrow)
 * caches nothing.
 */
@Injectable()
export class JournalCache implements OnModuleDestroy {
  private readonly sessions = new Map<string, SessionJournals>();
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

  /** The journal this reader's session decrypted for exactly this state of the case, if any. */
  get(reader: CaseReader, caseId: string, state: JournalStamp, now = Date.now()): readonly JournalEntry[] | undefined {
    const cases = this.casesOf(reader, now);
    const cached = cases?.get(caseId);
    if (!cached) return undefined;
    if (cached.fingerprint === fingerprintOf(state)) return cached.entries;
    cases?.delete(caseId);
    return undefined;
  }

  /** Keeps a journal decrypted (or written) by this reader's session for this state of the case. */
  set(reader: CaseReader, caseId: string, state: JournalStamp, entries: readonly JournalEntry[], now = Date.now()): void {
    const cases = this.casesOf(reader, now);
    if (!cases) return;
    cases.delete(caseId);
    if (cases.size >= MAX_JOURNALS_PER_SESSION) {
      const oldest = cases.keys().next();
      if (!oldest.done) cases.delete(oldest.value);
    }
    cases.set(caseId, { fingerprint: fingerprintOf(state), entries: [...entries] });
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

  /** The cases of the reader's session (created when absent), marked as used now; none for a reader without a session. */
  private casesOf(reader: CaseReader, now: number): Map<string, CachedJournal> | undefined {
    const session = reader.session;
    if (!session) return undefined;
    this.sweep(now);
    let entries = this.sessions.get(session.idHash);
    if (entries && entries.userId !== reader.id) {
      this.sessions.delete(session.idHash);
      entries = undefined;
    }
    if (!entries) {
      if (session.expiresAt.getTime() <= now) return undefined;
      entries = { userId: reader.id, expiresAt: session.expiresAt.getTime(), lastUsed: now, cases: new Map() };
      while (this.sessions.size >= MAX_JOURNAL_SESSIONS) {
        const oldest = this.sessions.keys().next();
        if (oldest.done) break;
        this.sessions.delete(oldest.value);
      }
    } else {
      this.sessions.delete(session.idHash);
    }
    entries.lastUsed = now;
    // Re-inserted: the Map's order is the least-recently-used order.
    this.sessions.set(session.idHash, entries);
    return entries.cases;
  }
}

function fingerprintOf(state: JournalStamp): string {
  const rows = createHash('sha256');
  for (const entry of state.entries) rows.update(`${entry.id}\n${entry.seq}\n${entry.body}\n`);
  return `${state.revision}\n${state.manifestMac}\n${state.caseKeyId}\n${rows.digest('base64')}`;
}
