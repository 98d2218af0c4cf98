import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { SecurityKeyAssertion, SecurityKeyAttestation, SecurityKeyOptions } from '@mnpddh/shared';

/**
 * The browser's side of WebAuthn, through SimpleWebAuthn (bundled by Vite,
 * nothing fetched from elsewhere). The options come from our API as they are.
 */
export function supportsSecurityKeys(): boolean {
  return browserSupportsWebAuthn();
}

export async function createCredential(options: SecurityKeyOptions): Promise<SecurityKeyAttestation> {
  const response = await startRegistration({ optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'] });
  return response as SecurityKeyAttestation;
}

export async function getAssertion(options: SecurityKeyOptions): Promise<SecurityKeyAssertion> {
  const response = await startAuthentication({ optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
  return response as SecurityKeyAssertion;
}
