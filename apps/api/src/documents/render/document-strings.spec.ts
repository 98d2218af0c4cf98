import { formatMessage, STAFF_TRANSLATIONS, staffFr } from '@mnpddh/shared';
import { documentStrings } from './document-strings.js';

describe('the words a PDF document prints', () => {
  const english = STAFF_TRANSLATIONS.en ?? {};

  it('come from the staff catalogue: French source, English from locales/en.po', () => {
    expect(documentStrings('fr').requestReceived).toBe(staffFr.documents.requestReceived);
    expect(documentStrings('en').requestReceived).toBe(english['staff.documents.requestReceived']);
    expect(documentStrings('en').statuses.closed).toBe(english['staff.documents.statuses.closed']);
  });

  it('fill the watermark, the footer and the page number in', () => {
    expect(documentStrings('fr').page(2, 5)).toBe('Page 2 / 5');
    expect(documentStrings('en').footer('ab12cd')).toBe(formatMessage(english['staff.documents.footer'] ?? '', { shortId: 'ab12cd' }, 'en'));
    expect(documentStrings('fr').watermark('Avocat X', '5 décembre 2026', 'ab12cd')).toBe('Destinataire : Avocat X — 5 décembre 2026 — document ab12cd');
  });
});
