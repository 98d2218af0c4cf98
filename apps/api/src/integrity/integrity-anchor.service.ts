import { join, resolve } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommitHooks } from '../database/commit-hooks.js';
import { AuditRepository, type AuditRow } from '../audit/audit.repository.js';
import { ChainWalk } from '../audit/chain-walk.js';
import { chainValues } from '../audit/audit.service.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { AUDIT_GENESIS_HASH, CryptoError, verifyAuditChain } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { sealLegacyAuditPrefix } from './legacy-audit-seal.js';
import { SignedStaffStatus } from './signed-staff-status.js';
import { emptyFacts, foldRow, mergeFacts, type AnchorFacts, type SpokenPromptFact } from './anchor-facts.js';
import { FactsChanges } from './anchor-delta.js';
import { AnchorStore, type AnchorState, type IntegrityIncident } from './anchor-file.js';

/** Rows read at a time. */
const BATCH = 1000;

/** Events after which a checkpoint is signed at once rather than at the next interval. */
const SECURITY_EVENTS =
  /^(staff\.|escrow\.|custodian\.|auth\.activated|auth\.password_changed|receipt\.revoked|case\.grants_revoked|case\.rekeyed|case\.purged|case\.erased)/;

/**
 * The audit log's head and the facts a replay would undo, kept outside
 * PostgreSQL in ANCHOR_FILE (DATA_DIR/integrity-anchor.json by default) and
 * in memory. Brought up to date after every transaction that appended to the
 * log and before every check that relies on it; a database whose log is
 * behind the anchor, rewritten under it, or continued by a row that does not
 * verify under the chain key is an integrity incident, kept (in the file too)
 * until an admin acknowledges it.
 */
@Injectable()
export class IntegrityAnchor implements OnApplicationBootstrap {
  private state: AnchorState = { head: { seq: '0', hash: AUDIT_GENESIS_HASH }, facts: emptyFacts(), incident: null };
  private queue: Promise<unknown> = Promise.resolve();
  private loaded = false;
  private checkpointWanted: (() => Promise<unknown>) | null = null;
  private securityEventSeen = false;
  private waiting: Promise<void> | null = null;
  private store: AnchorStore | null = null;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: AuditRepository,
    private readonly signedStatus: SignedStaffStatus,
    hooks: CommitHooks,
  ) {
    hooks.onAuditCommitted(() => this.afterCommit());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
  }

  /** Called when a security-relevant event was anchored (the checkpoint scheduler signs then). */
  whenSecurityEvent(listener: () => Promise<unknown>): void {
    this.checkpointWanted = listener;
  }

  /**
   * After a commit that appended to the log: anchored at once, and when it
   * was a security-relevant event, signed before the request answers.
   */
  private async afterCommit(): Promise<void> {
    await this.refresh();
    if (!this.securityEventSeen) return;
    this.securityEventSeen = false;
    await this.checkpointWanted?.();
  }

  get path(): string {
    return this.runtime.config.ANCHOR_FILE ?? join(resolve(this.runtime.config.DATA_DIR), 'integrity-anchor.json');
  }

  /**
   * Reads what the database appended since the anchored head, checks it and
   * anchors it. Serialised; callers that arrive while one is waiting to start
   * share it (it will read everything committed before it starts).
   */
  refresh(): Promise<void> {
    if (this.waiting) return this.waiting;
    const run = this.queue.then(() => {
      this.waiting = null;
      return this.sync();
    });
    this.waiting = run;
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The open incident, after bringing the anchor up to date. */
  async incident(): Promise<IntegrityIncident | null> {
    await this.refresh();
    return this.state.incident;
  }

  /** Current facts, after bringing the anchor up to date. */
  async facts(): Promise<Readonly<AnchorFacts>> {
    await this.refresh();
    return this.state.facts;
  }

  /** Whether a staff member may receive a new seal: active as anchored, and no open incident. */
  async mayReceiveSeal(staffId: string): Promise<boolean> {
    await this.refresh();
    return this.state.incident === null && (await this.isActive(staffId));
  }

  /** Whether a staff member may sign in or use a grant they hold: active as anchored (an incident does not lock admins out). */
  async isActiveStaff(staffId: string): Promise<boolean> {
    await this.refresh();
    return this.isActive(staffId);
  }

  async receiptRevoked(receiptId: string): Promise<boolean> {
    await this.refresh();
    return this.state.facts.revokedReceipts.includes(receiptId);
  }

  /** A spoken prompt's latest revision as anchored (`step:language`); null when the log never recorded one. */
  async spokenPrompt(key: string): Promise<SpokenPromptFact | null> {
    await this.refresh();
    return this.state.facts.spokenPrompts?.[key] ?? null;
  }

  /**
   * Every partner entry's latest revision as anchored, by id: an entry the log never recorded is not the
   * mechanism's; null when the log records none at all (a directory from before signing, not yet adopted).
   */
  async partnerRevisions(): Promise<Readonly<Record<string, number>> | null> {
    await this.refresh();
    const partners = this.state.facts.partners ?? {};
    return Object.keys(partners).length > 0 ? partners : null;
  }

  /** The escrow key intake must seal to, as anchored; null before the first one. */
  async activeEscrowId(): Promise<string | null> {
    await this.refresh();
    return this.state.facts.activeEscrowId;
  }

  /**
   * An admin accepts the database as it is now: the anchored head moves to
   * the database's head, and the facts kept (revocations, escrow, case
   * revisions) stay, merged with every row of the log that verifies on its
   * own. The caller audits the acknowledgement first.
   */
  acknowledge(): Promise<IntegrityIncident | null> {
    const run = this.queue.then(async () => {
      const closed = this.state.incident;
      const { head, facts } = await this.foldEveryAuthenticRow();
      this.state = { head, facts: mergeFacts(this.state.facts, facts), incident: null };
      await this.save();
      return closed;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The database's escrow flags differ from the anchored escrow key: an incident (intake goes on, sealed to the anchored key). */
  async reportEscrowMismatch(flaggedId: string | null): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.state.incident) return;
      this.runtime.logger.error(
        { anchoredEscrowId: this.state.facts.activeEscrowId, flaggedEscrowId: flaggedId },
        'integrity incident: the escrow key is not the one anchored',
      );
      await this.raise('escrow_state', null);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Active as anchored, and as last signed with the directory key (a rewritten status does not verify). */
  private async isActive(staffId: string): Promise<boolean> {
    const status = this.state.facts.staff[staffId]?.status;
    return (status === undefined || status === 'active') && (await this.signedStatus.allows(this.prisma, staffId));
  }

  private async sync(): Promise<void> {
    if (!this.loaded) await this.load();
    if (this.state.incident) return;
    const from = { seq: BigInt(this.state.head.seq), hash: this.state.head.hash };
    const walk = new ChainWalk(this.runtime.secrets.auditChainKey, [], from);
    const changes = new FactsChanges(this.state.facts);
    let securityEvent = false;
    let broken = false;
    // A previous release's unkeyed rows are folded only once the keyed seal row confirms them.
    let pending: AuditRow[] = [];
    // One read from the anchored row itself: it must still be there, unchanged, before what follows is trusted.
    for (let after = from.seq > 0n ? from.seq - 1n : 0n; ;) {
      const read = await this.repository.list(this.prisma, after, BATCH);
      const rows = after < from.seq ? read.slice(from.seq > 0n ? 1 : 0) : read;
      if (after < from.seq && from.seq > 0n && !(await this.anchoredRowHolds(from, read[0]))) return;
      for (const row of rows) {
        if (!walk.step(row)) {
          broken = true;
          break;
        }
        pending.push(row);
        if (walk.pendingLegacy) continue;
        for (const confirmed of pending) {
          foldRow(this.state.facts, confirmed);
          changes.touch(confirmed);
        }
        securityEvent ||= pending.some((confirmed) => SECURITY_EVENTS.test(confirmed.action));
        pending = [];
      }
      const last = read.at(-1);
      if (broken || !last || read.length < BATCH) break;
      after = last.seq;
    }
    walk.finish();
    broken ||= walk.brokenAt !== null;
    const head = walk.verifiedHead;
    if (head.seq !== from.seq) this.state.head = { seq: head.seq.toString(), hash: head.hash };
    if (broken) return this.raise('forged', walk.brokenAt);
    if (head.seq !== from.seq) await this.anchorStore().append(changes.delta(this.state.head), this.state);
    if (securityEvent) this.securityEventSeen = true;
  }

  /** The row at the anchored head must still be there, with the hash anchored. */
  private async anchoredRowHolds(from: { seq: bigint; hash: string }, row: AuditRow | undefined): Promise<boolean> {
    if (row?.seq === from.seq && row.hash === from.hash) return true;
    const databaseHead = await this.repository.lockFreeHead(this.prisma);
    await this.raise(databaseHead === null || databaseHead < from.seq ? 'behind' : 'rewritten', databaseHead);
    return false;
  }

  private async raise(kind: IntegrityIncident['kind'], databaseSeq: bigint | null): Promise<void> {
    this.state.incident = { kind, detectedAt: new Date().toISOString(), anchoredSeq: this.state.head.seq, databaseSeq: databaseSeq?.toString() ?? null };
    this.runtime.logger.error(
      { kind, anchoredSeq: this.state.head.seq, databaseSeq: databaseSeq?.toString() ?? null },
      'integrity incident: the database is not what the anchor holds',
    );
    await this.save();
  }

  private async load(): Promise<void> {
    const stored = await this.anchorStore().read();
    if (stored) this.state = stored;
    else {
      this.runtime.logger.warn({ path: this.path }, 'no integrity anchor yet: anchoring the database as it is now');
      await sealLegacyAuditPrefix(this.prisma, this.repository, this.runtime);
    }
    this.loaded = true;
  }

  /** The whole state as a new snapshot (an incident, an acknowledgement: rare). */
  private async save(): Promise<void> {
    await this.anchorStore().replace(this.state);
  }

  private anchorStore(): AnchorStore {
    this.store ??= new AnchorStore(this.path, this.runtime.config.TENANT, this.runtime.secrets.anchorKey);
    return this.store;
  }

  /** Every row whose own keyed hash verifies (whatever came before it), folded; and the database's head. */
  private async foldEveryAuthenticRow(): Promise<{ head: AnchorState['head']; facts: AnchorFacts }> {
    const facts = emptyFacts();
    let head: AnchorState['head'] = { seq: '0', hash: AUDIT_GENESIS_HASH };
    for (let after = 0n; ;) {
      const rows = await this.repository.list(this.prisma, after, BATCH);
      for (const row of rows) {
        if (this.authentic(row)) foldRow(facts, row);
        head = { seq: row.seq.toString(), hash: row.hash };
      }
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) return { head, facts };
      after = last.seq;
    }
  }

  private authentic(row: AuditRow): boolean {
    try {
      verifyAuditChain(this.runtime.secrets.auditChainKey, row.prevHash, [{ fields: chainValues(row), hash: row.hash }]);
      return true;
    } catch (error) {
      if (error instanceof CryptoError) return false;
      throw error;
    }
  }
}
