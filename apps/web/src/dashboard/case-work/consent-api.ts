import {
  ConsentWritten,
  Partner,
  PartnerList,
  type PartnerInput,
  type ConsentConfirmation,
  type ConsentStaffWithdrawal,
  type DisclosureException,
  type NewConsent,
  type NewReferral,
  type ReferralAnswer,
  ReferralWritten,
} from '@mnpddh/shared';
import type { StaffApi } from '../api';

/*
 * The consent, referral and partner calls, kept beside their screens
 * (api.ts exposes its request helper for this). Every write returns the
 * journal entry's id and sequence (and a new consent's or referral's own id);
 * the page then reloads the case.
 */

const Written = { safeParse: (value: unknown) => ({ success: true as const, data: value as { id: string; seq: number } }) };
const onCase = (caseId: string, rest: string) => `/api/cases/${encodeURIComponent(caseId)}${rest}`;
const post = async (api: StaffApi, path: string, body: unknown) => (await api.request('POST', path, { body, schema: Written })).value;

export const consentApi = {
  record: async (api: StaffApi, caseId: string, body: NewConsent) =>
    (await api.request('POST', onCase(caseId, '/consents'), { body, schema: ConsentWritten })).value,
  confirm: (api: StaffApi, caseId: string, consentId: string, body: ConsentConfirmation) =>
    post(api, onCase(caseId, `/consents/${encodeURIComponent(consentId)}/confirm`), body),
  withdraw: (api: StaffApi, caseId: string, consentId: string, body: ConsentStaffWithdrawal) =>
    post(api, onCase(caseId, `/consents/${encodeURIComponent(consentId)}/withdraw`), body),
  exception: (api: StaffApi, caseId: string, body: DisclosureException) => post(api, onCase(caseId, '/disclosure-exceptions'), body),
  refer: async (api: StaffApi, caseId: string, body: NewReferral) =>
    (await api.request('POST', onCase(caseId, '/referrals'), { body, schema: ReferralWritten })).value,
  answer: (api: StaffApi, caseId: string, referralId: string, body: ReferralAnswer) =>
    post(api, onCase(caseId, `/referrals/${encodeURIComponent(referralId)}/answer`), body),
  /** A download (text, attachment, no-store): a plain link, never fetched into the page. */
  sheetUrl: (caseId: string, referralId: string) => onCase(caseId, `/referrals/${encodeURIComponent(referralId)}/sheet`),
  partners: async (api: StaffApi) => (await api.request('GET', '/api/partners', { schema: PartnerList })).value.items,
  createPartner: async (api: StaffApi, body: PartnerInput) => (await api.request('POST', '/api/admin/partners', { body, schema: Partner })).value,
  updatePartner: async (api: StaffApi, partnerId: string, body: PartnerInput) =>
    (await api.request('PUT', `/api/admin/partners/${encodeURIComponent(partnerId)}`, { body, schema: Partner })).value,
};
