/**
 * The admin page's list of public languages: how complete each catalogue
 * is, as compiled from locales/*.po; admins only (the authorization matrix
 * checks every other caller).
 */
import { COMPLETENESS, LanguageCompletenessList } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let admin: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  admin = await signIn(portal, await createAdmin(portal));
});
afterAll(async () => {
  await portal?.close();
});

describe('GET /api/admin/languages', () => {
  it('lists every configured language with the compiled counts', async () => {
    const response = await admin.get('/api/admin/languages');
    expect(response.status).toBe(200);
    const { languages } = LanguageCompletenessList.parse(await response.json());
    expect(languages.map((language) => [language.code, language.status, language.offered])).toEqual([
      ['fr', 'source', true],
      ['en', 'reviewed', true],
      ['bm', 'review', true],
      ['ar', 'test', false],
    ]);
    for (const language of languages) {
      const counts = COMPLETENESS.find((item) => item.code === language.code);
      expect([language.total, language.translated, language.review, language.missing]).toEqual([
        counts?.total,
        counts?.translated,
        counts?.review,
        counts?.missing,
      ]);
      expect(language.translated + language.review + language.missing).toBe(language.total);
    }
    // Bambara's drafts await review: none is counted as reviewed.
    expect(languages.find((language) => language.code === 'bm')).toMatchObject({ translated: 0, review: expect.any(Number) });
    expect(languages.find((language) => language.code === 'bm')?.review).toBeGreaterThan(100);
  });

  it('is refused to a supervisor', async () => {
    const { client } = await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Langues' });
    expect((await client.get('/api/admin/languages')).status).toBe(403);
  });
});
