/**
 * The crypto module's public surface: the only code in the project that
 * touches libsodium. See README.md in this folder for the key hierarchy and
 * the rotation rules. Raw key bytes never leave the module.
 */
export { CryptoError, CryptoErrorCode } from './errors.js';
export { warmUpCrypto } from './sodium.js';

export { encodeCanonical, decodeCanonical, type CanonicalValue } from './canonical.js';
export { parseCiphertext, encodeCiphertext, serializeCiphertext, ciphertextKeyId, CIPHERTEXT_VERSION, CipherAlgorithm, type Ciphertext } from './ciphertext.js';
export { SecretKey, type SymmetricKeyKind } from './secret-key.js';

export { PASSWORD_PARAMS_V1, RECEIPT_PARAMS_V1, TEST_ONLY_ARGON2_PARAMS, type Argon2Params } from './argon2.js';
export {
  createPasswordRecord,
  verifyPassword,
  rejectUnknownAccount,
  passwordNeedsRehash,
  type PasswordRecord,
  type PasswordDerivation,
  type PasswordWrappingKey,
} from './password.js';

export { IdentityKeyPair, generateIdentityKeyPair, wrapPrivateKey, unwrapPrivateKey, type PrivateKeyBinding } from './key-pair.js';
export {
  createSessionSecrets,
  hashSessionId,
  wrapPrivateKeyForSession,
  unwrapPrivateKeyForSession,
  type SessionSecrets,
  type SessionBinding,
} from './session.js';

export { SigningKeyPair, generateSigningKeyPair, deriveIntakeKeyPair, type Signer } from './signing.js';
export {
  issueCertificate,
  verifyCertificate,
  encodeCertificate,
  parseCertificate,
  type Certificate,
  type CertificateClaims,
  type CertificateExpectation,
} from './certificate.js';
export { sealCaseKey, openCaseKey, type SealRecipient, type SealedKeyContext } from './seal.js';
export { createDetailsKey, sealDetails, openDetails, detailsKeyLocation, type DetailsKey, type DetailsKeyContext } from './details-seal.js';
export { signGrant, verifyGrant, hashSealedKey, type GrantStatement } from './grant.js';
export { Sha256 } from './hash.js';
export { sealEscrowForCustodians, openEscrowOuterLayer, openEscrowInnerLayer, type EscrowContext } from './escrow.js';

export { generateCaseKeys, generateCaseKey, generateThreadKey, type CaseKey, type ThreadKey, type CaseKeyKind } from './case-keys.js';
export { encryptField, decryptField, decryptFieldText, reencryptField, type FieldLocation, type MessageLocation } from './field.js';
export { FIELD_MAX_BYTES } from './padding.js';

export {
  generateReceipt,
  formatReceipt,
  deriveReceiptKeys,
  wrapThreadKeyForReceipt,
  unwrapThreadKeyWithReceipt,
  RECEIPT_DIGITS,
  type ReceiptKeys,
  type ReceiptWrapContext,
  type ReceiptWrappingKey,
} from './receipt.js';

export { generateFileKey, wrapFileKey, unwrapFileKey, rewrapFileKey, type FileKey, type FileKeyContext } from './file-key.js';
export {
  encryptFile,
  decryptFile,
  encryptedFileSize,
  FILE_CHUNK_SIZE,
  FILE_HEADER_BYTES,
  ENCRYPTED_CHUNK_BYTES,
  type ByteSource,
  type EncryptingFile,
  type EncryptedFileSummary,
  type DecryptFileOptions,
} from './file-stream.js';
export {
  startResumableFile,
  continueResumableFile,
  resumableFileProgress,
  fingerprintStoredPrefix,
  RESUMABLE_MAX_SIZE,
  type ResumableFileBinding,
  type ResumableStep,
} from './resumable-file.js';

export {
  computeCaseManifestMac,
  verifyCaseManifestMac,
  computeIndexRowMac,
  verifyIndexRowMac,
  computeThreadManifestMac,
  verifyThreadManifestMac,
  type CaseManifest,
  type ThreadManifest,
  type IndexRow,
  type ClearValues,
} from './mac.js';
export {
  auditChainHash,
  legacyAuditRowHolds,
  legacyAuditChainHash,
  deriveAuditChainKey,
  verifyAuditChain,
  signAuditCheckpoint,
  verifyAuditCheckpoint,
  AUDIT_GENESIS_HASH,
  type AuditCheckpoint,
  type AuditChainKey,
} from './audit-chain.js';

export {
  generateSecret,
  parseReceiptPepper,
  parseIndexKey,
  parseDirectorySigningKey,
  parseAuditCheckpointKey,
  parsePinnedPublicKey,
  assertMatchesPinnedKey,
  SECRET_KINDS,
  type SecretKind,
  type ReceiptPepper,
  type IndexKey,
  type Versioned,
} from './secrets.js';

export { encryptTotpSecret, decryptTotpSecret, type TotpSecretBinding } from './totp-secret.js';
export {
  generateActivationToken,
  generateRecoveryCode,
  generateOneTimePassword,
  hashStaffSecret,
  deriveCsrfToken,
  csrfTokenMatches,
  type StaffSecretPurpose,
} from './auth-tokens.js';

export { wrapThreadKeyForSession, unwrapThreadKeyForSession, idempotencyLookupId, sealReplay, openReplay, type FollowUpBinding } from './follow-up.js';

export { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';

export {
  generateBackupKeyPair,
  parseBackupPublicKey,
  backupPublicKeyOf,
  sameBackupPublicKey,
  deriveBackupSigningKeyPair,
  sealBackupStream,
  openBackupStream,
  verifyBackup,
  readBackupHeader,
  backupOpensWith,
  backupDamage,
  type BackupKeyPair,
} from './backup.js';
export { secretFingerprint } from './secret-fingerprint.js';

export { sealPendingIncrement, openPendingIncrement, PENDING_PLAINTEXT_BYTES } from './statistics-seal.js';
export { PlainFormKey } from './plain-form.js';

export { PuzzleKey, issuePuzzle, checkPuzzleSolution, type SolvedPuzzle } from './client-puzzle.js';
export { deriveAnchorKey, computeAnchorMac, verifyAnchorMac, type AnchorKey } from './anchor.js';
export { signStaffStatus, staffStatusVerifies, type StaffStatusClaims } from './staff-status.js';
export { signSpokenPrompt, spokenPromptVerifies, type SpokenPromptClaims } from './spoken-prompt.js';
export { signPartnerEntry, partnerEntryVerifies, type PartnerEntryClaims } from './partner-entry.js';
