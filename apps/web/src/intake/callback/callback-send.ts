import { CallbackRequest, PRIVACY_NOTICE_VERSION, type FieldErrorWords, type Tristate } from '@mnpddh/shared';
import type { LocaleCode } from '../../i18n/catalogues';
import { validate } from '../form/validate';

/*
 * What the call-back page needs to check and send: zod, the shared schema and
 * the API client. Its own chunk, fetched at the person's first answer; the
 * form shows without it.
 */
export { newIdempotencyKey, publicApi } from '../api/public-api';

export interface CallbackAnswers {
  phone: string;
  safeTimes: string;
  language: string;
  lifeInDanger: Tristate | '';
  consent: boolean;
}

/** The call-back request checked with the shared schema, in the page's language. */
export function checkCallback(draft: CallbackAnswers, locale: LocaleCode, t: { errors: FieldErrorWords }) {
  return validate(
    CallbackRequest,
    {
      phone: draft.phone,
      safeTimes: draft.safeTimes,
      language: draft.language || undefined,
      lifeInDanger: draft.lifeInDanger || undefined,
      consent: { processing: draft.consent, noticeVersion: PRIVACY_NOTICE_VERSION },
    },
    locale,
    t,
  );
}
