import { Injectable } from '@nestjs/common';
import { CASE_SEARCH_LIMIT, searchable, searchTerms, textsOf, type CaseSearchHit, type CaseSearchResult, type SearchSource } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { verifyThreadManifestMac, type ThreadKey } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { decryptEntries } from '../vault/case-entries.js';
import { CaseKeysAccess } from '../vault/case-keys-access.js';
import type { CaseReader } from '../vault/case-reader.js';
import { CaseVaultService, type CaseRow } from '../vault/case-vault.service.js';
import { ThreadMessages } from '../vault/thread-messages.js';
import type { TriageIndex } from '../vault/triage-index.js';
import { CaseSearchRepository } from './case-search.repository.js';

/** Cases decrypted per database round trip: few enough that a batch's plaintext stays small, enough to keep the trips few. */
const BATCH = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPEN = (status: string) => status !== 'closed' && status !== 'inadmissible';

/** The comparable text of one case, by source (each a single lower-case, accent-free string). */
type Haystacks = Record<SearchSource, string>;

interface Found {
  readonly hit: CaseSearchHit;
  readonly receivedAt: Date;
}

/**
 * The audited search: the cases the caller holds are decrypted
 * here, in memory, a batch at a time, after the same integrity checks as
 * opening a case (index MAC, case and thread manifests, signed grants); each
 * case's text is compared and dropped. Nothing is indexed, cached or written
 * in clear, and the query is neither logged nor audited: the one audit row
 * (`case.searched`) holds how many cases were examined and how many matched.
 * A case failing its check is audited as tampered (as anywhere) and listed
 * as unreadable; a case whose grant does not open for this key is skipped,
 * as the case list does. Results are capped at CASE_SEARCH_LIMIT (urgent
 * open cases first, then newest): a search finds a way into a case, it does
 * not export a caseload; past the cap the page asks for a narrower query.
 */
@Injectable()
export class CaseSearchService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: CaseSearchRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly vault: CaseVaultService,
    private readonly thread: ThreadMessages,
    private readonly audit: AuditService,
  ) {}

  async search(reader: CaseReader, query: string): Promise<CaseSearchResult> {
    const terms = searchTerms(query);
    const held = await this.repository.findHeldCaseIds(this.prisma, reader.id);
    const found: Found[] = [];
    const unreadable: CaseSearchResult['unreadable'] = [];
    let examined = 0;
    for (let start = 0; start < held.length; start += BATCH) {
      for (const row of await this.rows(reader, held.slice(start, start + BATCH))) {
        let haystacks: Haystacks | null;
        try {
          haystacks = await this.haystacksOf(reader, row);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'INTEGRITY_FAILED') throw error;
          unreadable.push({ caseId: row.id, reference: row.reference });
          continue;
        }
        if (!haystacks) continue;
        examined += 1;
        const matchedIn = matchesOf(haystacks, terms);
        if (matchedIn)
          found.push({ hit: { caseId: row.id, reference: row.reference, status: row.status, urgent: row.urgent, matchedIn }, receivedAt: row.receivedAt });
      }
    }
    await this.audit.record({ action: 'case.searched', actorId: reader.id, details: { examined, matched: found.length } });
    return {
      items: found
        .sort(byPriority)
        .slice(0, CASE_SEARCH_LIMIT)
        .map(({ hit }) => hit),
      examined,
      matched: found.length,
      limit: CASE_SEARCH_LIMIT,
      unreadable,
    };
  }

  /** The rows as CaseVaultService.openCase reads them, a batch at once. */
  private rows(reader: CaseReader, ids: string[]): Promise<CaseRow[]> {
    return this.repository.findCasesFor(this.prisma, reader.id, ids);
  }

  /** The case's text by source, or null when the caller's grant does not open it (a key since replaced). */
  private async haystacksOf(reader: CaseReader, row: CaseRow): Promise<Haystacks | null> {
    const tenant = this.directory.tenant;
    const caseKey = this.opened(() => this.keys.openCaseKey(row.grants, reader, row.id, row.caseKeyId));
    if (!caseKey) return null;
    let threadKey: ThreadKey | null = null;
    try {
      // Without a thread grant the thread is simply not searched (the request and the journal still are).
      threadKey = this.opened(() => this.keys.openThreadKey(row.grants, reader, row.id, row.threadKeyId));
      const opened = threadKey;
      return await this.vault.integrityChecked(reader, row.id, () => {
        const index: TriageIndex = { ...row };
        this.vault.verifyCaseRow(row, index, caseKey);
        const content = this.vault.decryptContent(caseKey, row.id, row);
        const entries = decryptEntries(caseKey, tenant, row.id, row.entries);
        return {
          request: haystack([content.identity, content.contact, content.narrative, content.situation]),
          journal: haystack(entries.map((entry) => entry.data)),
          thread: opened ? haystack(this.threadTexts(opened, row)) : '',
        };
      });
    } finally {
      caseKey.destroy();
      threadKey?.destroy();
    }
  }

  private threadTexts(threadKey: ThreadKey, row: CaseRow): string[] {
    const threadFiles = row.files.filter((file) => file.keyKind === 'thread').map((file) => file.id);
    verifyThreadManifestMac(
      threadKey,
      { tenant: this.directory.tenant, caseId: row.id, revision: row.threadRevision, messageSequences: row.messages.map((m) => m.seq), fileIds: threadFiles },
      row.threadMac,
    );
    return this.thread.decryptAll(threadKey, row.id, row.messages).flatMap((message) => textsOf(structured(message.body)));
  }

  /** A key, or null when the grant is missing or made for another key of the caller (FORBIDDEN). */
  private opened<K>(open: () => K): K | null {
    try {
      return open();
    } catch (error) {
      if (error instanceof AppError && error.code === 'FORBIDDEN') return null;
      throw error;
    }
  }
}

/** One comparable string of every text in these values (ids left out: they are not what anyone searches for). */
function haystack(values: unknown[]): string {
  return textsOf(values)
    .filter((text) => !UUID.test(text))
    .map(searchable)
    .join('\n');
}

/** Details the defender added later are JSON in the thread: their values are searched, not their keys. */
function structured(body: string): unknown {
  if (!body.startsWith('{')) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** Where the case matched, when every term is found somewhere in it; null otherwise. */
export function matchesOf(haystacks: Haystacks, terms: readonly string[]): SearchSource[] | null {
  const sources = Object.keys(haystacks) as SearchSource[];
  if (terms.length === 0 || !terms.every((term) => sources.some((source) => haystacks[source].includes(term)))) return null;
  return sources.filter((source) => terms.some((term) => haystacks[source].includes(term)));
}

/** Urgent open cases first, then the newest. */
function byPriority(a: Found, b: Found): number {
  const rank = (found: Found) => (found.hit.urgent && OPEN(found.hit.status) ? 0 : 1);
  return rank(a) - rank(b) || b.receivedAt.getTime() - a.receivedAt.getTime();
}
