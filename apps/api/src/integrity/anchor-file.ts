import { open, readFile, rename } from 'node:fs/promises';
import { computeAnchorMac, CryptoError, verifyAnchorMac, type AnchorKey } from '../crypto/index.js';
import { applyDelta, type AnchorDelta } from './anchor-delta.js';
import type { AnchorFacts } from './anchor-facts.js';

/** A replay the portal detected; cleared only by an admin's acknowledgement. */
export interface IntegrityIncident {
  kind: 'behind' | 'rewritten' | 'forged' | 'escrow_state';
  detectedAt: string;
  /** The head the anchor holds, and what the database showed. */
  anchoredSeq: string;
  databaseSeq: string | null;
}

export interface AnchorState {
  /** The latest audit row verified and anchored (seq as a decimal string; "0" before any). */
  head: { seq: string; hash: string };
  facts: AnchorFacts;
  incident: IntegrityIncident | null;
}

interface AnchorFileBody {
  version: 1;
  tenant: string;
  state: AnchorState;
}

export class AnchorFileError extends Error {
  override name = 'AnchorFileError';
}

/** Appended bytes below which the file is never compacted (a small deployment's whole state is smaller). */
const MIN_COMPACTION_BYTES = 64 * 1024;

/**
 * The anchor file: a snapshot of the whole state (its JSON line, then its
 * MAC line), followed by one line per later update (its delta, a tab, a MAC
 * over the previous line's MAC and the delta: lines cannot be dropped,
 * reordered or moved from another file without the next one failing). An
 * update appends a line and flushes it, so its cost follows what changed,
 * not the number of cases; when the appended lines outweigh the snapshot,
 * the next update writes a new snapshot instead (temporary file, flushed,
 * renamed: a crash leaves the old file or the new one). A crash during an
 * append leaves a last line without its newline: ignored (that update is
 * lost, so the anchor trails the database, which raises no incident).
 */
export class AnchorStore {
  /** The MAC the next appended line chains from (the last line's); null until the file was read or written. */
  private lastMac: string | null = null;
  private snapshotBytes = 0;
  private appendedBytes = 0;

  constructor(
    readonly path: string,
    private readonly tenant: string,
    private readonly key: AnchorKey,
  ) {}

  /** Null when there is no file yet (first start); throws AnchorFileError when it is there but not ours. */
  async read(): Promise<AnchorState | null> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (text === null) return null;
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const [body = '', mac = '', ...updates] = complete.split('\n').slice(0, -1);
    this.verify(body, mac);
    const parsed = JSON.parse(body) as AnchorFileBody;
    if (parsed.version !== 1 || parsed.tenant !== this.tenant) throw new AnchorFileError(`${this.path} belongs to another deployment`);
    const state = parsed.state;
    let previous = mac;
    for (const line of updates) {
      const [delta = '', lineMac = ''] = line.split('\t');
      this.verify(chained(previous, delta), lineMac);
      const update = JSON.parse(delta) as AnchorDelta;
      state.head = update.head;
      applyDelta(state.facts, update);
      previous = lineMac;
    }
    // A line cut short by a crash is not chained onto: the next update writes a whole snapshot over it.
    this.lastMac = complete.length === text.length ? previous : null;
    this.snapshotBytes = body.length + mac.length + 2;
    this.appendedBytes = complete.length - this.snapshotBytes;
    return state;
  }

  /** The whole state as a new snapshot. */
  async replace(state: AnchorState): Promise<void> {
    const body = JSON.stringify({ version: 1, tenant: this.tenant, state } satisfies AnchorFileBody);
    const mac = computeAnchorMac(this.key, this.tenant, body);
    // Until this snapshot is down, the file may lack updates already in memory: the next update is a snapshot too.
    this.lastMac = null;
    const temporary = `${this.path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(`${body}\n${mac}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    // No fsync of the directory: a rename lost in a power cut leaves the previous anchor, which trails the database
    // (never ahead of it), so it raises no false incident.
    await rename(temporary, this.path);
    this.lastMac = mac;
    this.snapshotBytes = body.length + mac.length + 2;
    this.appendedBytes = 0;
  }

  /** One update: appended, or the whole state (which already holds it) when the file is due for compaction. */
  async append(delta: AnchorDelta, state: AnchorState): Promise<void> {
    if (this.lastMac === null || this.appendedBytes > Math.max(MIN_COMPACTION_BYTES, this.snapshotBytes)) return this.replace(state);
    const body = JSON.stringify(delta);
    const mac = computeAnchorMac(this.key, this.tenant, chained(this.lastMac, body));
    const line = `${body}\t${mac}\n`;
    try {
      const file = await open(this.path, 'a', 0o600);
      try {
        await file.writeFile(line);
        await file.sync();
      } finally {
        await file.close();
      }
    } catch (error) {
      // A line may be half written (disk full): the next update writes a whole snapshot over it.
      this.lastMac = null;
      throw error;
    }
    this.lastMac = mac;
    this.appendedBytes += line.length;
  }

  private verify(body: string, mac: string): void {
    try {
      verifyAnchorMac(this.key, this.tenant, body, mac);
    } catch (error) {
      if (error instanceof CryptoError) throw new AnchorFileError(`${this.path} does not verify under this deployment's audit checkpoint key`);
      throw error;
    }
  }
}

/** What an appended line's MAC covers: it starts with the previous MAC, never with a snapshot's "{". */
function chained(previousMac: string, delta: string): string {
  return `${previousMac}\n${delta}`;
}
