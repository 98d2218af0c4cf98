import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DisclosableField, NewReferral, ReferralAnswer } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { PartnersService } from '../partners/partners.service.js';
import type { JournalEntry } from '../vault/case-entries.js';
import { CaseJournal } from '../vault/case-journal.js';
import { CaseVaultService } from '../vault/case-vault.service.js';
import { CaseClock } from './case-clock.js';
import { consentRequired, disclosureAllowed } from './consent-state.js';
import { foldReferrals } from './referral-state.js';
import { referralSheet } from './referral-sheet.js';

/**
 * Referral to a partner: sending needs a consent for the partner
 * (or an emergency exception) covering every field sent; the answer and the
 * outcome are recorded; the case's status never changes. The sheet is built
 * on demand from the decrypted request with the sent fields only, checked
 * again against consent (a consent withdrawn since closes it), and audited.
 */
@Injectable()
export class ReferralWorkService {
  constructor(
    private readonly journal: CaseJournal,
    private readonly vault: CaseVaultService,
    private readonly partners: PartnersService,
    private readonly audit: AuditService,
    private readonly clock: CaseClock,
  ) {}

  async send(staff: CurrentStaffMember, caseId: string, referral: NewReferral): Promise<{ entry: JournalEntry; referralId: string }> {
    const referralId = randomUUID();
    const entry = await this.journal.append(
      staff,
      caseId,
      async (state) => {
        // Looked up once the case's grant is checked: a caller without one learns nothing, not even whether the partner exists.
        const partner = await this.partners.findActive(referral.partnerId);
        if (!partner) throw new AppError('VALIDATION_FAILED', [{ field: 'partnerId', message: 'unknown_partner' }]);
        if (!disclosureAllowed({ entries: state.entries, thread: await state.thread() }, 'partner', referral.fields, partner.id)) throw consentRequired();
        const data = {
          referralId,
          partnerId: partner.id,
          partnerName: partner.name,
          fields: referral.fields,
          ...(referral.note ? { note: referral.note } : {}),
        };
        return { kind: 'referral_sent', data, audit: 'case.updated' };
      },
      this.clock.now(),
    );
    return { entry, referralId };
  }

  answer(staff: CurrentStaffMember, caseId: string, referralId: string, answer: ReferralAnswer): Promise<JournalEntry> {
    return this.journal.append(
      staff,
      caseId,
      (state) => {
        if (!foldReferrals(state.entries).some((referral) => referral.id === referralId)) throw new AppError('NOT_FOUND');
        return { kind: 'referral_answered', data: { ...answer, referralId }, audit: 'case.updated' };
      },
      this.clock.now(),
    );
  }

  /** The redacted sheet as text; audited by referral id (never its content). */
  async sheet(staff: CurrentStaffMember, caseId: string, referralId: string): Promise<string> {
    const opened = await this.vault.openCase(staff, caseId);
    const referral = foldReferrals(opened.entries).find((r) => r.id === referralId);
    if (!referral) throw new AppError('NOT_FOUND');
    const fields = referral.fields as DisclosableField[];
    if (!disclosureAllowed({ entries: opened.entries, thread: opened.messages }, 'partner', fields, referral.partnerId)) throw consentRequired();
    const sheet = referralSheet({
      reference: opened.index.reference,
      partnerName: referral.partnerName,
      sentAt: new Date(referral.at),
      fields,
      ...(referral.note ? { note: referral.note } : {}),
      content: opened.content,
      entries: opened.entries,
      attachmentCount: opened.files.length,
    });
    await this.audit.record({ action: 'case.referral_sheet_downloaded', actorId: staff.id, targetType: 'case', targetId: caseId, details: { referralId } });
    return sheet;
  }
}
