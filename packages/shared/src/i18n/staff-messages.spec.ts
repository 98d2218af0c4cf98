import { apiFr } from './api-fr.js';
import { STAFF_TRANSLATIONS } from './compiled/staff.js';
import { errorCodeMessage, fieldMessage } from './staff-messages.js';
import { staffFr } from './staff-fr.js';

describe('fieldMessage (the staff side)', () => {
  it('words a public or a staff code in French, or in English from en.po', () => {
    expect(fieldMessage('file_too_large', 'fr')).toBe(apiFr.fields.file_too_large);
    expect(fieldMessage('not_crossable', 'fr')).toBe(staffFr.fields.not_crossable);
    expect(fieldMessage('not_crossable', 'en')).toBe(STAFF_TRANSLATIONS.en?.['staff.fields.not_crossable']);
    expect(fieldMessage('file_too_large', 'en')).toBe(STAFF_TRANSLATIONS.en?.['api.fields.file_too_large']);
    expect(fieldMessage('file_too_large', 'en')).not.toBe(apiFr.fields.file_too_large);
  });

  it('knows no other code', () => {
    expect(fieldMessage('toString', 'fr')).toBeUndefined();
    expect(fieldMessage('no_such_code', 'en')).toBeUndefined();
  });
});

describe('errorCodeMessage (the staff side)', () => {
  it('words an error code in French or English, and nothing else', () => {
    expect(errorCodeMessage('FORBIDDEN', 'fr')).toBe(apiFr.errors.FORBIDDEN);
    expect(errorCodeMessage('FORBIDDEN', 'en')).toBe(STAFF_TRANSLATIONS.en?.['api.errors.FORBIDDEN']);
    expect(errorCodeMessage('assign_not_allowed', 'en')).toBeUndefined();
  });
});
