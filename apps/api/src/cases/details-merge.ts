import { Injectable } from '@nestjs/common';
import type { DetailsAdded } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import { withDetailsCategories } from '../vault/added-details.js';
import { CaseJournal, type JournalState, type JournalWrite } from '../vault/case-journal.js';
import type { JournalEntry } from '../vault/case-entries.js';
import type { CaseReader } from '../vault/case-reader.js';
import { PendingCounters } from '../vault/pending-counters.js';
import { pendingDetails, readAddition } from '../vault/sealed-details.js';
import { changedCaseCounters } from '../vault/stat-counters.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { CaseClock } from './case-clock.js';

/** What fits one sealed pending increment. */
const COUNTERS_PER_INCREMENT = 20;

/** Each round merges one addition; a case gets a handful at most. */
const MAX_ROUNDS = 20;

/**
 * Details the defender added through a receipt wait, sealed, in the thread:
 * the server cannot open them. The first holder who lists or opens the case
 * merges them, one journal entry each ("details_added": who sent what, when),
 * with the case's categories re-encrypted (so the list's filters find them)
 * and the statistics counters moved from the old categories to the new.
 */
@Injectable()
export class DetailsMerge {
  constructor(
    private readonly prisma: PrismaService,
    private readonly journal: CaseJournal,
    private readonly repository: VaultRepository,
    private readonly clock: CaseClock,
    private readonly pendingCounters: PendingCounters,
  ) {}

  /** Merges every waiting addition of the cases this holder holds that have some; a case that refuses is left for its view to report. */
  async mergeHeld(reader: CaseReader): Promise<void> {
    for (const caseId of await this.repository.findHeldWithPendingDetails(this.prisma, reader.id)) {
      await this.merge(reader, caseId).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
      });
    }
  }

  /** Merges what waits in this case's thread; the flag is cleared once nothing is left. */
  async merge(reader: CaseReader, caseId: string): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const merged = await this.journal
        .append(reader, caseId, (state) => this.mergeOne(state), this.clock.now())
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'CONFLICT') return null;
          throw error;
        });
      if (!merged) break;
    }
    await this.repository.clearDetailsPending(this.prisma, caseId);
  }

  private async mergeOne(state: JournalState): Promise<JournalWrite> {
    const [next] = pendingDetails(await state.thread(), mergedSeqs(state.entries));
    // Nothing left (another holder merged it meanwhile): write nothing.
    if (!next) throw new AppError('CONFLICT');
    const addition = readChecked(() => readAddition(next, state.openDetails));
    const categories = withDetailsCategories(state.categories, addition.details);
    const counters = changedCaseCounters(state.categories, categories, state.categories.urgentAtIntake ?? state.index.urgent, state.index.receivedAt);
    return {
      kind: 'details_added',
      data: addition,
      audit: 'case.updated',
      categories,
      // Sealed and applied later in a mixed batch, like every other increment (never in the case's own transaction in clear).
      alsoWithin: async (tx) => {
        // A sealed increment has a fixed size: a move is queued in small parts of the same case.
        for (let start = 0; start < counters.length; start += COUNTERS_PER_INCREMENT) {
          await this.pendingCounters.queue(tx, { caseId: state.caseId, counters: counters.slice(start, start + COUNTERS_PER_INCREMENT) });
        }
      },
    };
  }
}

/** The thread messages already merged. */
export function mergedSeqs(entries: readonly JournalEntry[]): Set<number> {
  return new Set(entries.filter((entry) => entry.kind === 'details_added').map((entry) => (entry.data as unknown as DetailsAdded).threadSeq));
}

/** A sealed value that does not open, or opens to something that is not a request's details, is a tampered case. */
function readChecked(read: () => DetailsAdded): DetailsAdded {
  try {
    return read();
  } catch {
    throw new AppError('INTEGRITY_FAILED');
  }
}
