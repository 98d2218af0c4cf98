import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ConsentConfirmation, ConsentStaffWithdrawal, ConsentView, DisclosureException, NewConsent, Partner } from '@mnpddh/shared';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { PartnersService } from '../partners/partners.service.js';
import type { JournalEntry } from '../vault/case-entries.js';
import { CaseJournal, type JournalState } from '../vault/case-journal.js';
import { CaseClock } from './case-clock.js';
import { canAssign } from './case-work.service.js';
import { foldConsents } from './consent-state.js';
import { ConsentThread } from './consent-thread.js';

/**
 * Consent per disclosure: recorded, confirmed with the defender,
 * withdrawn by staff — each one journal entry; recording and withdrawing are
 * also announced in the thread, so the defender's follow-up page lists the
 * consents that hold and can withdraw one. An emergency exception is recorded
 * by a supervisor or the person on call only.
 */
@Injectable()
export class ConsentWorkService {
  constructor(
    private readonly journal: CaseJournal,
    private readonly consentThread: ConsentThread,
    private readonly partners: PartnersService,
    private readonly clock: CaseClock,
  ) {}

  async record(staff: CurrentStaffMember, caseId: string, consent: NewConsent): Promise<{ entry: JournalEntry; consentId: string }> {
    const consentId = randomUUID();
    const entry = await this.consentThread.withKey(staff, caseId, async (threadKey) => {
      const partner = await this.checkPartner(consent.recipient, consent.partnerId);
      // The defender reads whom they agreed to: the name typed in, or the partner's name from the directory.
      const recipientName = consent.recipientName ?? partner?.name;
      const notice = { consentId, recipient: consent.recipient, ...(recipientName ? { recipientName } : {}), fields: consent.fields, purpose: consent.purpose };
      return this.journal.append(
        staff,
        caseId,
        () => ({
          kind: 'consent_recorded',
          data: { ...consent, ...(recipientName ? { recipientName } : {}), consentId },
          audit: 'case.updated',
          alsoWithin: (tx) => this.consentThread.announce(tx, threadKey, caseId, notice),
        }),
        this.clock.now(),
      );
    });
    return { entry, consentId };
  }

  confirm(staff: CurrentStaffMember, caseId: string, consentId: string, confirmation: ConsentConfirmation): Promise<JournalEntry> {
    return this.journal.append(
      staff,
      caseId,
      async (state) => {
        const consent = await activeConsent(state, consentId);
        if (consent.confirmedWithDefender) throw new AppError('CONFLICT', [{ field: 'consentId', message: 'already_confirmed' }]);
        return { kind: 'consent_confirmed', data: { ...confirmation, consentId }, audit: 'case.updated' };
      },
      this.clock.now(),
    );
  }

  withdraw(staff: CurrentStaffMember, caseId: string, consentId: string, withdrawal: ConsentStaffWithdrawal): Promise<JournalEntry> {
    return this.consentThread.withKey(staff, caseId, (threadKey) =>
      this.journal.append(
        staff,
        caseId,
        async (state) => {
          await activeConsent(state, consentId);
          return {
            kind: 'consent_withdrawn',
            data: { ...withdrawal, consentId },
            audit: 'case.updated',
            alsoWithin: (tx) => this.consentThread.announce(tx, threadKey, caseId, { consentId, withdrawn: true }),
          };
        },
        this.clock.now(),
      ),
    );
  }

  async recordException(staff: CurrentStaffMember, caseId: string, exception: DisclosureException): Promise<JournalEntry> {
    if (!canAssign(staff)) throw new AppError('FORBIDDEN', [{ field: 'reason', message: 'exception_not_allowed' }]);
    await this.checkPartner(exception.recipient, exception.partnerId);
    return this.journal.append(staff, caseId, () => ({ kind: 'disclosure_exception', data: exception, audit: 'case.updated' }), this.clock.now());
  }

  /** A partner is named only for recipient 'partner', and must be an active partner of the directory. */
  private async checkPartner(recipient: string, partnerId: string | undefined): Promise<Partner | null> {
    if (!partnerId) return null;
    const partner = recipient === 'partner' ? await this.partners.findActive(partnerId) : null;
    if (!partner) throw new AppError('VALIDATION_FAILED', [{ field: 'partnerId', message: 'unknown_partner' }]);
    return partner;
  }
}

async function activeConsent(state: JournalState, consentId: string): Promise<ConsentView> {
  const consent = foldConsents(state.entries, await state.thread()).find((c) => c.id === consentId);
  if (!consent) throw new AppError('NOT_FOUND');
  if (!consent.active) throw new AppError('CONFLICT', [{ field: 'consentId', message: 'consent_not_active' }]);
  return consent;
}
