import type { AuditRepository } from '../audit/audit.repository.js';
import { chainValues } from '../audit/audit.service.js';
import { ChainWalk, LEGACY_SEAL_ACTION } from '../audit/chain-walk.js';
import type { Runtime } from '../config/runtime.js';
import { auditChainHash, signAuditCheckpoint } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import type { PrismaService } from '../database/prisma.service.js';

/** Rows read at a time. */
const BATCH = 1000;

/**
 * The switch from the previous release's unkeyed audit chain to the keyed
 * one, once, when the portal anchors a database for the first time: a signed
 * checkpoint of the unkeyed head, then a keyed `audit.legacy_sealed` row
 * naming how many rows came before it. The verifier accepts unkeyed rows
 * only as that prefix, so a writer cannot append one afterwards.
 *
 * Only when the whole log is unkeyed and no anchor exists yet: once the
 * portal has anchored a log, a log rewritten without the key is the
 * anchor's incident, never sealed. The row is appended directly (not through
 * AuditService) because the anchor calls this while loading, before its
 * first look at the log, which the append's commit hook would wait for.
 */
export async function sealLegacyAuditPrefix(prisma: PrismaService, repository: AuditRepository, runtime: Runtime): Promise<void> {
  await prisma.$transaction((tx) => sealIfUnkeyed(tx, repository, runtime), { timeout: 600_000 });
}

async function sealIfUnkeyed(tx: Db, repository: AuditRepository, runtime: Runtime): Promise<void> {
  const head = await repository.lockHead(tx);
  if (!head || !(await wholeLogUnkeyed(tx, repository, runtime))) return;
  const signedAt = new Date();
  const key = runtime.secrets.auditCheckpointKey;
  const checkpoint = { tenant: runtime.config.TENANT, rowCount: Number(head.seq), headHash: head.hash, signedAt: signedAt.toISOString() };
  await repository.insertCheckpoint(tx, {
    rowCount: head.seq,
    headHash: head.hash,
    signedAt,
    keyVersion: key.version,
    signature: signAuditCheckpoint(checkpoint, key.value),
  });
  const row = {
    seq: head.seq + 1n,
    at: signedAt,
    actorId: null,
    action: LEGACY_SEAL_ACTION,
    targetType: null,
    targetId: null,
    details: { legacyRows: Number(head.seq) },
    prevHash: head.hash,
  };
  await repository.insert(tx, { ...row, hash: auditChainHash(runtime.secrets.auditChainKey, row.prevHash, chainValues(row)) });
  runtime.logger.warn(
    { legacyRows: Number(head.seq) },
    'the audit log of the previous release was chained without a key: its rows are sealed as they are now, and every row from here is keyed',
  );
}

/** Every row, from the genesis, is the previous release's unkeyed chain (none keyed, none broken). */
async function wholeLogUnkeyed(tx: Db, repository: AuditRepository, runtime: Runtime): Promise<boolean> {
  const walk = new ChainWalk(runtime.secrets.auditChainKey);
  for (let after = 0n; ;) {
    const rows = await repository.list(tx, after, BATCH);
    for (const row of rows) if (!walk.step(row) || !walk.pendingLegacy) return false;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return walk.pendingLegacy;
    after = last.seq;
  }
}
