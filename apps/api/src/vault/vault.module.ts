import { StatisticsRetraction } from './statistics-retraction.js';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { JournalCache } from './journal-cache.js';
import { CaseFiles } from './case-files.js';
import { CaseDrafts } from './case-drafts.js';
import { CaseDraftsRepository } from './case-drafts.repository.js';
import { PendingCountersRepository } from './pending-counters.repository.js';
import { ReceiptsRepository } from './receipts.repository.js';
import { CaseEvents } from './case-events.js';
import { CaseJournal } from './case-journal.js';
import { JournalPages } from './journal-pages.js';
import { CaseGrantsService } from './case-grants.service.js';
import { CaseKeysAccess } from './case-keys-access.js';
import { CaseVaultService } from './case-vault.service.js';
import { EscrowService } from './escrow.service.js';
import { ReceiptIssuer } from './receipt-issuer.js';
import { ThreadFiles } from './thread-files.js';
import { ThreadMessages } from './thread-messages.js';
import { PendingCounters } from './pending-counters.js';
import { StoredContent } from './stored-content.js';
import { VaultRepository } from './vault.repository.js';

@Module({
  // The session service: a session's cached journals end with it.
  imports: [AuthModule],
  providers: [
    JournalCache,
    CaseVaultService,
    CaseJournal,
    JournalPages,
    CaseEvents,
    CaseDrafts,
    CaseGrantsService,
    CaseKeysAccess,
    CaseFiles,
    EscrowService,
    ThreadMessages,
    ThreadFiles,
    VaultRepository,
    ReceiptIssuer,
    PendingCounters,
    StatisticsRetraction,
    StoredContent,
    CaseDraftsRepository,
    ReceiptsRepository,
    PendingCountersRepository,
  ],
  exports: [
    CaseVaultService,
    CaseJournal,
    JournalPages,
    CaseEvents,
    CaseDrafts,
    CaseKeysAccess,
    CaseGrantsService,
    VaultRepository,
    CaseFiles,
    EscrowService,
    ThreadMessages,
    ThreadFiles,
    ReceiptIssuer,
    PendingCounters,
    StatisticsRetraction,
    StoredContent,
  ],
})
export class VaultModule {}
