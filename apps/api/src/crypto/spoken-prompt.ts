/**
 * A spoken prompt as a signed fact: the directory key's Ed25519 signature
 * over (tenant, step, language, content type, revision, the recording's
 * bytes). Prompts are public words in the mechanism's voice ("call this
 * number"): a database writer who swaps the bytes, or moves a prompt to
 * another step or language, cannot make the signature verify, so the
 * portal refuses to serve it.
 */
import { CryptoError } from './errors.js';
import { directoryStatement } from './signing.js';

const LABEL = 'mnpddh/spoken-prompt/v1';

export interface SpokenPromptClaims {
  readonly tenant: string;
  readonly step: string;
  readonly language: string;
  readonly contentType: string;
  /** increases with every upload for the same step and language */
  readonly revision: number;
  readonly content: Uint8Array;
}

function values(claims: SpokenPromptClaims) {
  if (!Number.isSafeInteger(claims.revision) || claims.revision < 1) throw new CryptoError('INVALID_INPUT', 'prompt revision must be a positive integer');
  return [claims.tenant, claims.step, claims.language, claims.contentType, claims.revision, claims.content];
}

const statement = directoryStatement(LABEL, values);

export const signSpokenPrompt = statement.sign;

/** Whether the signature is the directory key's over exactly these claims (`directoryPublicKey`: the pinned public half). */
export const spokenPromptVerifies = statement.verifies;
