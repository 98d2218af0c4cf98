import { SecurityKeyAssertion } from './webauthn.js';

const b64url = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64url');

function assertionWithSignatureOf(bytes: number) {
  return {
    id: b64url(32),
    rawId: b64url(32),
    type: 'public-key',
    response: { clientDataJSON: b64url(120), authenticatorData: b64url(37), signature: b64url(bytes) },
    clientExtensionResults: {},
  };
}

describe('SecurityKeyAssertion', () => {
  it('takes a post-quantum signature (ML-DSA-87: 4 627 bytes), as Chromium signs with when offered', () => {
    expect(SecurityKeyAssertion.safeParse(assertionWithSignatureOf(4627)).success).toBe(true);
  });

  it('still bounds the signature', () => {
    expect(SecurityKeyAssertion.safeParse(assertionWithSignatureOf(7000)).success).toBe(false);
  });
});
