import { ProtectionRequest, toRequestInput, type FieldErrorWords } from '@mnpddh/shared';
import type { LocaleCode } from '../../i18n/catalogues';
import { validate } from '../form/validate';
import type { FirstStepDraft } from './request-draft';

/*
 * What the request page needs to check and send: zod, the shared schema and
 * the API client. Its own chunk, fetched while the person types the first
 * screen; the first screen shows without it.
 */
export { endFollowUpInBackground, newIdempotencyKey, publicApi } from '../api/public-api';

/** The whole request checked with the shared schema, in the page's language. */
export function checkRequest(draft: FirstStepDraft, locale: LocaleCode, t: { errors: FieldErrorWords }) {
  return validate(ProtectionRequest, toRequestInput(draft), locale, t);
}
