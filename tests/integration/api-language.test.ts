/**
 * The API answers the public side in the page's language: the web app sends
 * it as Accept-Language (`bm` on /bm/ pages), each message comes from that
 * language's catalogue or, when the catalogue lacks it, in French, and
 * Content-Language names the languages the answer is really in. The staff
 * side answers in French or English only.
 */
import { apiFr, ErrorBody, TRANSLATION_LOADERS, type Translations } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let english: Translations;
let arabic: Translations;

beforeAll(async () => {
  portal = await startTestPortal();
  english = await TRANSLATION_LOADERS.en();
  arabic = await TRANSLATION_LOADERS.ar();
});
afterAll(async () => {
  await portal?.close();
});

/** A first step whose incident is dated in the future: refused with our own field code, `date_in_future`. */
const futureIncident = {
  summary: 'Mon frère a été arrêté ce soir à Sévaré par des hommes en uniforme.',
  rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
  contact: { methods: ['whatsapp'], phone: '+223 70 11 22 33' },
  consent: { processing: true },
  incidents: [{ when: { date: '2999-12-31' } }],
};

async function refusedRequest(language: string) {
  const response = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify(futureIncident),
  });
  const { error } = ErrorBody.parse(await response.json());
  const field = error.fields?.find((item) => item.field === 'incidents.0.when.date')?.message;
  return { status: response.status, message: error.message, field, contentLanguage: response.headers.get('content-language') };
}

describe('an API error in the page’s language', () => {
  it('answers an English page in English', async () => {
    expect(await refusedRequest('en')).toEqual({
      status: 400,
      message: english['api.errors.VALIDATION_FAILED'],
      field: english['api.fields.date_in_future'],
      contentLanguage: 'en',
    });
    expect(english['api.errors.VALIDATION_FAILED']).toMatch(/not valid/);
  });

  it('answers a Bambara page in French where its catalogue lacks the message, and says it is French', async () => {
    expect(await refusedRequest('bm')).toEqual({
      status: 400,
      message: apiFr.errors.VALIDATION_FAILED,
      field: apiFr.fields.date_in_future,
      contentLanguage: 'fr',
    });
  });

  it('answers in the page’s own language where its catalogue has the message (the Arabic test catalogue)', async () => {
    const response = await fetch(`${portal.url}/api/follow-up/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'ar' },
      body: JSON.stringify({ receipt: '1234 5678 9012 3456 7890 1234' }),
    });
    expect(response.status).toBe(404);
    expect(ErrorBody.parse(await response.json()).error.message).toBe(arabic['api.errors.NOT_FOUND']);
    expect(response.headers.get('content-language')).toBe('ar');
  });

  it('reads only a configured language from the header: anything else is French, never echoed', async () => {
    for (const header of ['xx', '<script>alert(1)</script>', 'bm;q=0, xx', '']) {
      const answer = await refusedRequest(header);
      expect([answer.message, answer.contentLanguage]).toEqual([apiFr.errors.VALIDATION_FAILED, 'fr']);
    }
  });

  it('answers the staff side in French or English only, whatever the header names', async () => {
    const unauthenticated = async (language: string) => {
      const response = await fetch(`${portal.url}/api/cases`, { headers: { 'accept-language': language } });
      return [response.status, ErrorBody.parse(await response.json()).error.message, response.headers.get('content-language')];
    };
    expect(await unauthenticated('bm')).toEqual([401, apiFr.errors.UNAUTHENTICATED, 'fr']);
    expect(await unauthenticated('ar')).toEqual([401, apiFr.errors.UNAUTHENTICATED, 'fr']);
    expect(await unauthenticated('en')).toEqual([401, english['api.errors.UNAUTHENTICATED'], 'en']);
  });
});
