import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_GENESIS_HASH, deriveAnchorKey, generateSigningKeyPair } from '../crypto/index.js';
import { applyDelta, type AnchorDelta } from './anchor-delta.js';
import { emptyFacts } from './anchor-facts.js';
import { AnchorFileError, AnchorStore, type AnchorState } from './anchor-file.js';

const TENANT = 'tenant-a';
const key = deriveAnchorKey(generateSigningKeyPair());

function stateWith(cases: number): AnchorState {
  const facts = emptyFacts();
  for (let i = 0; i < cases; i++) facts.caseRevisions[`case-${i}`] = { revision: 1, indexTag: `tag-${i}` };
  return { head: { seq: String(cases), hash: AUDIT_GENESIS_HASH }, facts, incident: null };
}

/** What the service does on a later audit row: the facts folded in memory, the delta appended. */
async function update(store: AnchorStore, state: AnchorState, seq: number, caseId: string, revision: number): Promise<AnchorDelta> {
  const delta: AnchorDelta = { head: { seq: String(seq), hash: `hash-${seq}` }, cases: { [caseId]: { revision, indexTag: `tag-${seq}` } } };
  state.head = delta.head;
  applyDelta(state.facts, delta);
  await store.append(delta, state);
  return delta;
}

describe('the anchor file', () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mnpddh-anchor-spec-'));
    path = join(dir, 'integrity-anchor.json');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('appends one short line per update, whatever the number of cases, and reads back the same state', async () => {
    const state = stateWith(5_000);
    const store = new AnchorStore(path, TENANT, key);
    await store.replace(state);
    const snapshot = (await stat(path)).size;
    await update(store, state, 5_001, 'case-7', 2);
    const grown = (await stat(path)).size - snapshot;
    expect(grown).toBeLessThan(400);
    await update(store, state, 5_002, 'case-new', 1);
    const read = await new AnchorStore(path, TENANT, key).read();
    expect(read).toEqual(state);
    expect(read?.facts.caseRevisions['case-7']).toEqual({ revision: 2, indexTag: 'tag-5001' });
  });

  it('a case purged is removed on reading, and a revoked receipt or staff status is kept', async () => {
    const state = stateWith(2);
    const store = new AnchorStore(path, TENANT, key);
    await store.replace(state);
    const delta: AnchorDelta = {
      head: { seq: '3', hash: 'h3' },
      cases: { 'case-0': null },
      staff: { s1: { status: 'revoked_for_cause', epoch: 2 } },
      receipts: ['r1'],
      escrow: 'escrow-2',
    };
    applyDelta(state.facts, delta);
    state.head = delta.head;
    await store.append(delta, state);
    const read = await new AnchorStore(path, TENANT, key).read();
    expect(read?.facts.caseRevisions['case-0']).toBeUndefined();
    expect(read?.facts.staff.s1?.status).toBe('revoked_for_cause');
    expect(read?.facts.revokedReceipts).toEqual(['r1']);
    expect(read?.facts.activeEscrowId).toBe('escrow-2');
  });

  it('refuses a file whose appended line was edited, dropped or moved (the chain of MACs)', async () => {
    const state = stateWith(3);
    const store = new AnchorStore(path, TENANT, key);
    await store.replace(state);
    await update(store, state, 4, 'case-1', 2);
    await update(store, state, 5, 'case-1', 3);
    const lines = (await readFile(path, 'utf8')).split('\n');

    // An older revision put back in a line (a replay of the anchor itself).
    await writeFile(path, lines.join('\n').replace('"revision":3', '"revision":2'));
    await expect(new AnchorStore(path, TENANT, key).read()).rejects.toThrow(AnchorFileError);
    // The first update dropped: the second no longer chains.
    await writeFile(path, [lines[0], lines[1], lines[3], ''].join('\n'));
    await expect(new AnchorStore(path, TENANT, key).read()).rejects.toThrow(AnchorFileError);
    // The updates swapped.
    await writeFile(path, [lines[0], lines[1], lines[3], lines[2], ''].join('\n'));
    await expect(new AnchorStore(path, TENANT, key).read()).rejects.toThrow(AnchorFileError);
    // Another deployment's key.
    await writeFile(path, lines.join('\n'));
    await expect(new AnchorStore(path, TENANT, deriveAnchorKey(generateSigningKeyPair())).read()).rejects.toThrow(AnchorFileError);
    expect(await new AnchorStore(path, TENANT, key).read()).toEqual(state);
  });

  it('ignores a last line cut short by a crash (the anchor then trails the database) and chains the next update after it', async () => {
    const state = stateWith(3);
    const store = new AnchorStore(path, TENANT, key);
    await store.replace(state);
    const before = structuredClone(state);
    await update(store, state, 4, 'case-1', 2);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, -20));
    const reopened = new AnchorStore(path, TENANT, key);
    const read = await reopened.read();
    expect(read).toEqual(before);
    // The next update after a restart: a cut line is not chained onto.
    const replay = read!;
    await update(reopened, replay, 4, 'case-1', 2);
    await expect(new AnchorStore(path, TENANT, key).read()).resolves.toBeTruthy();
  });

  it('compacts into a new snapshot once the appended lines outweigh it', async () => {
    const state = stateWith(10);
    const store = new AnchorStore(path, TENANT, key);
    await store.replace(state);
    for (let seq = 11; seq < 11 + 600; seq++) await update(store, state, seq, `case-${seq % 10}`, seq);
    const size = (await stat(path)).size;
    expect(size).toBeLessThan(64 * 1024 + 4 * 1024);
    expect(await new AnchorStore(path, TENANT, key).read()).toEqual(state);
  });

  it('reads a file written before updates were appended (one snapshot, no line after it)', async () => {
    const state = stateWith(4);
    await new AnchorStore(path, TENANT, key).replace(state);
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
    expect(await new AnchorStore(path, TENANT, key).read()).toEqual(state);
    await appendFile(path, 'not an update\tnot a mac\n');
    await expect(new AnchorStore(path, TENANT, key).read()).rejects.toThrow(AnchorFileError);
  });
});
