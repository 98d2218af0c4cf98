import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CryptoError,
  encodeCertificate,
  issueCertificate,
  parseCertificate,
  verifyCertificate,
  type IdentityKeyPair,
  type SealRecipient,
} from '../crypto/index.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import type { Db } from '../database/db.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import { DirectoryRepository, type StaffKeyRecord } from './directory.repository.js';

/** Certificate role of the server's intake identity and of the escrow key. */
export const INTAKE_ROLE = 'intake';
export const ESCROW_ROLE = 'escrow';
/** A receipt's own key pair (derived from the receipt): certified at issuance so a re-keyed thread key can be sealed to it. */
export const RECEIPT_ROLE = 'receipt';
export const INTAKE_ID = 'intake';

/**
 * The directory: which public keys anything may be sealed to. A staff key is
 * certified with the user's roles and on-call flag, so a database writer who
 * adds a role or the on-call flag in SQL does not join the triage team: the
 * certificate no longer matches the row and the user receives nothing.
 */
@Injectable()
export class DirectoryService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly repository: DirectoryRepository,
    // Absent only in the command-line tools (admin:create, retention:purge, restore checks), which seal nothing and
    // must not write the anchor file while the server may be running.
    @Optional() private readonly anchor?: IntegrityAnchor,
  ) {}

  get tenant(): string {
    return this.runtime.config.TENANT;
  }

  get directoryPublicKey(): string {
    return this.runtime.secrets.directoryKey.value.publicKey;
  }

  /** Issues and stores a certificate for a staff key (new key pair, or roles changed). */
  async certifyStaff(db: Db, staff: Pick<StaffKeyRecord, 'id' | 'roles' | 'onCall'>, publicKey: string, keyEpoch: number): Promise<void> {
    const certificate = this.issue(staff.id, staffCertificateRole(staff), publicKey, keyEpoch);
    await this.repository.saveCertificate(db, staff.id, { publicKey, certificate, keyEpoch });
  }

  /** Re-issues the certificate of an existing key after an admin changed roles or on-call. */
  async recertifyStaff(db: Db, staffId: string): Promise<void> {
    const staff = await this.repository.findStaff(db, staffId);
    if (!staff?.publicKey) return;
    await this.certifyStaff(db, staff, staff.publicKey, staff.keyEpoch);
  }

  issue(userId: string, role: string, publicKey: string, epoch: number): string {
    return encodeCertificate(issueCertificate({ tenant: this.tenant, userId, role, publicKey, epoch }, this.runtime.secrets.directoryKey.value));
  }

  /** Certifies a receipt's public key (then destroys the receipt's key pair, which only the receipt re-derives). */
  certifyReceipt(receiptId: string, identity: IdentityKeyPair): string {
    try {
      return this.issue(receiptId, RECEIPT_ROLE, identity.publicKey, 1);
    } finally {
      identity.destroy();
    }
  }

  /** A receipt as a seal recipient (re-keying), or null when it has no valid certificate (issued before certificates). */
  receiptRecipient(receipt: { id: string; certificate: string | null }): SealRecipient | null {
    if (!receipt.certificate) return null;
    try {
      const { publicKey } = parseCertificate(receipt.certificate);
      return this.verifiedRecipient(receipt.certificate, receipt.id, RECEIPT_ROLE, publicKey, 1);
    } catch (error) {
      if (error instanceof CryptoError) return null;
      throw error;
    }
  }

  /**
   * The staff member as a seal recipient, or null when their key is missing
   * or its certificate does not match the row exactly (tenant, id, roles,
   * on-call, key, epoch).
   */
  staffRecipient(staff: StaffKeyRecord): SealRecipient | null {
    if (!staff.active || !staff.publicKey || !staff.certificate) return null;
    return this.verifiedRecipient(staff.certificate, staff.id, staffCertificateRole(staff), staff.publicKey, staff.keyEpoch);
  }

  /** The escrow key as a seal recipient (its certificate checked). */
  escrowRecipient(escrow: { id: string; publicKey: string; certificate: string; epoch: number }): SealRecipient | null {
    return this.verifiedRecipient(escrow.certificate, escrow.id, ESCROW_ROLE, escrow.publicKey, escrow.epoch);
  }

  /**
   * Active supervisors and on-call staff with valid certificates: who receives
   * new cases. Nobody while an integrity incident is open, and never someone
   * whose anchored status is no longer active, whatever the row says.
   */
  async triageTeam(db: Db): Promise<{ staff: StaffKeyRecord; recipient: SealRecipient }[]> {
    const candidates = await this.repository.findTriageCandidates(db);
    const team = [];
    for (const staff of candidates) {
      const recipient = this.staffRecipient(staff);
      if (recipient && (!this.anchor || (await this.anchor.mayReceiveSeal(staff.id)))) team.push({ staff, recipient });
    }
    return team;
  }

  /**
   * One staff member with a valid certificate, active in the row and in the
   * anchor kept outside the database (a deactivation flipped back in SQL
   * gives nothing); null otherwise.
   */
  async certifiedStaff(db: Db, id: string): Promise<{ staff: StaffKeyRecord; recipient: SealRecipient } | null> {
    const staff = await this.repository.findStaff(db, id);
    const recipient = staff?.active ? this.staffRecipient(staff) : null;
    return staff && recipient && (!this.anchor || (await this.anchor.isActiveStaff(id))) ? { staff, recipient } : null;
  }

  /** certifiedStaff, for a new seal: also nobody while an integrity incident is open. */
  async sealableStaff(db: Db, id: string): Promise<{ staff: StaffKeyRecord; recipient: SealRecipient } | null> {
    const found = await this.certifiedStaff(db, id);
    return found && (!this.anchor || (await this.anchor.mayReceiveSeal(id))) ? found : null;
  }

  /**
   * The escrow key intake seals to: the one the anchor holds as active. A
   * database that says otherwise (the key marked inactive, another one
   * active) is an integrity incident; the case is still sealed to the
   * anchored key, so no request is turned away and none skips escrow.
   */
  async activeEscrow(db: Db) {
    const anchoredId = (await this.anchor?.activeEscrowId()) ?? null;
    const flagged = await this.repository.findActiveEscrow(db);
    if (anchoredId !== null && flagged?.id !== anchoredId) await this.anchor?.reportEscrowMismatch(flagged?.id ?? null);
    const escrow = anchoredId === null || flagged?.id === anchoredId ? flagged : await this.repository.findEscrow(db, anchoredId);
    if (!escrow) return null;
    const recipient = this.escrowRecipient(escrow);
    return recipient ? { escrow, recipient } : null;
  }

  /** The intake identity's certificate, issued on the fly (derived key, nothing stored). */
  intakeSigner(): SealRecipient {
    const publicKey = this.runtime.secrets.intakeKey.publicKey;
    return {
      certificate: parseCertificate(this.issue(INTAKE_ID, INTAKE_ROLE, publicKey, 1)),
      directoryPublicKey: this.directoryPublicKey,
      expect: { tenant: this.tenant, userId: INTAKE_ID, roles: [INTAKE_ROLE], epoch: 1 },
    };
  }

  private verifiedRecipient(encoded: string, userId: string, role: string, publicKey: string, epoch: number): SealRecipient | null {
    try {
      const certificate = parseCertificate(encoded);
      const recipient = {
        certificate,
        directoryPublicKey: this.directoryPublicKey,
        expect: { tenant: this.tenant, userId, roles: [role], epoch },
      };
      verifyCertificate(certificate, recipient.directoryPublicKey, recipient.expect);
      if (certificate.publicKey !== publicKey) return null;
      return recipient;
    } catch (error) {
      if (error instanceof CryptoError) {
        this.runtime.logger.warn({ userId, code: error.code }, 'certificate refused');
        return null;
      }
      throw error;
    }
  }
}

/** Roles (sorted) and the on-call flag, as one certificate role string. */
export function staffCertificateRole(staff: Pick<StaffKeyRecord, 'roles' | 'onCall'>): string {
  return [...[...staff.roles].sort(), ...(staff.onCall ? ['on-call'] : [])].join('+');
}
