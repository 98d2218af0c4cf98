import { Secret, TOTP } from 'otpauth';
import { newTotpSecret, totpUri, TotpSteps } from './totp.js';

const secret = newTotpSecret();
const now = new Date('2026-03-01T10:00:10Z');

function codeAt(at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

describe('TotpSteps', () => {
  it('accepts the current code and the ones a step either side, refuses others', () => {
    const sut = new TotpSteps();
    expect(sut.match('u', secret, codeAt(now), now)).not.toBeNull();
    expect(sut.match('u', secret, codeAt(new Date(now.getTime() - 30_000)), now)).not.toBeNull();
    expect(sut.match('u', secret, codeAt(new Date(now.getTime() + 30_000)), now)).not.toBeNull();
    expect(sut.match('u', secret, codeAt(new Date(now.getTime() + 90_000)), now)).toBeNull();
    expect(sut.match('u', secret, 'abcdef', now)).toBeNull();
  });

  it('refuses a code whose step was already used, and any older step', () => {
    const sut = new TotpSteps();
    const step = sut.match('u', secret, codeAt(now), now);
    expect(step).not.toBeNull();
    expect(sut.markUsed('u', step as number)).toBe(true);
    expect(sut.match('u', secret, codeAt(now), now)).toBeNull();
    expect(sut.match('u', secret, codeAt(new Date(now.getTime() - 30_000)), now)).toBeNull();
    expect(sut.markUsed('u', step as number)).toBe(false);
    expect(sut.match('u', secret, codeAt(new Date(now.getTime() + 30_000)), now)).toBe((step as number) + 1);
  });

  it('keeps each user apart', () => {
    const sut = new TotpSteps();
    const step = sut.match('u', secret, codeAt(now), now) as number;
    sut.markUsed('u', step);
    expect(sut.match('v', secret, codeAt(now), now)).toBe(step);
  });
});

describe('totpUri', () => {
  it('is an otpauth URI carrying the secret, the issuer and the account', () => {
    const sut = totpUri(secret, 'ml-mnpddh', 'awa@cndh.ml');
    expect(sut).toMatch(/^otpauth:\/\/totp\//);
    expect(sut).toContain(`secret=${secret}`);
    expect(sut).toContain('issuer=ml-mnpddh');
  });
});
