import { activationKindOf, activationUrl, newActivationToken } from './activation-token.js';

describe('activation tokens', () => {
  it('carry their kind, which reads back', () => {
    for (const kind of ['invite', 'password-reset', 'second-factor-reset'] as const) {
      const sut = newActivationToken(kind);
      expect(sut).toMatch(/^[ips]\.[A-Za-z0-9_-]{43}$/);
      expect(activationKindOf(sut)).toBe(kind);
    }
  });

  it('refuse anything else', () => {
    expect(activationKindOf('x.' + 'A'.repeat(43))).toBeNull();
    expect(activationKindOf('p.short')).toBeNull();
    expect(activationKindOf('A'.repeat(45))).toBeNull();
  });

  it('put the token in the fragment of the public address', () => {
    expect(activationUrl({ PUBLIC_URL: 'https://cndh.example/', PORT: 3000 }, 'p.abc')).toBe('https://cndh.example/personnel/activation#p.abc');
    expect(activationUrl({ PUBLIC_URL: undefined, PORT: 3000, HOST: '127.0.0.1' }, 'i.abc')).toBe('http://127.0.0.1:3000/personnel/activation#i.abc');
  });
});
