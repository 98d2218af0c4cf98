import { AppError } from '../common/app-error.js';
import { assertStrongPassphrase, isGuessablePassphrase } from './password-policy.js';

describe('isGuessablePassphrase', () => {
  it.each([
    'password123456',
    'azertyuiop123',
    'Motdepasse2024!',
    'BAMAKO 2024 !!',
    'jetaimemonamour',
    'Alhamdoulillah',
    '123456789012',
    'qwertyuiopasdf',
    'zyxwvutsrqpo',
    'aaaaaaaaaaaaaa',
    'abababababab',
    'bamakobamako',
    'correct horse battery staple',
  ])('refuses %s', (passphrase) => {
    expect(isGuessablePassphrase(passphrase)).toBe(true);
  });

  it.each(['le fleuve à Ségou en crue', 'tamarin-bleu-7-kora-nuit', 'Mon vélo a trois roues et un klaxon'])('accepts %s', (passphrase) => {
    expect(isGuessablePassphrase(passphrase)).toBe(false);
  });
});

describe('assertStrongPassphrase', () => {
  it('names the field and speaks the caller’s language', () => {
    let sut: AppError | undefined;
    try {
      assertStrongPassphrase('password123456', 'newPassword', 'en');
    } catch (error) {
      sut = error as AppError;
    }
    expect(sut?.code).toBe('VALIDATION_FAILED');
    expect(sut?.fields).toEqual([{ field: 'newPassword', message: expect.stringMatching(/too common/) }]);
  });
});
