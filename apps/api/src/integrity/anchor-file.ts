import { open, readFile, rename } from 'node:fs/promises';
import { computeAnchorMac, CryptoError, verifyAnchorMac, type AnchorKey } from '../crypto/index.js';
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

/** Null when there is no file yet (first start); throws AnchorFileError when it is there but not ours. */
export async function readAnchor(path: string, tenant: string, key: AnchorKey): Promise<AnchorState | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  const [body, mac] = splitMac(text);
  try {
    verifyAnchorMac(key, tenant, body, mac);
  } catch (error) {
    if (error instanceof CryptoError) throw new AnchorFileError(`${path} does not verify under this deployment's audit checkpoint key`);
    throw error;
  }
  const parsed = JSON.parse(body) as AnchorFileBody;
  if (parsed.version !== 1 || parsed.tenant !== tenant) throw new AnchorFileError(`${path} belongs to another deployment`);
  return parsed.state;
}

/** Written to a temporary file, flushed, then renamed over the old one: a crash leaves the old or the new, never half. */
export async function writeAnchor(path: string, tenant: string, key: AnchorKey, state: AnchorState): Promise<void> {
  const body = JSON.stringify({ version: 1, tenant, state } satisfies AnchorFileBody);
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w', 0o600);
  try {
    await file.writeFile(`${body}\n${computeAnchorMac(key, tenant, body)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  // No fsync of the directory: a rename lost in a power cut leaves the previous anchor, which trails the database
  // (never ahead of it), so it raises no false incident.
  await rename(temporary, path);
}

function splitMac(text: string): [string, string] {
  const lines = text.trimEnd().split('\n');
  return [lines.slice(0, -1).join('\n'), lines.at(-1) ?? ''];
}
