import type { ReferralView } from '@mnpddh/shared';
import { disclosureAllowed, type ConsentSources } from './consent-state.js';
import { foldReferrals } from './referral-state.js';

/**
 * The referrals as the case page shows them: each says whether its sheet may
 * be downloaded now, by the same rule the download applies, so a link that
 * would be refused (the consent withdrawn since) is not offered.
 */
export function referralViews(state: ConsentSources): ReferralView[] {
  return foldReferrals(state.entries).map((referral) => ({
    ...referral,
    sheetAllowed: disclosureAllowed(state, 'partner', referral.fields, referral.partnerId) !== null,
  }));
}
