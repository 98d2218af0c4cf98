import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Partner, PartnerInput, PartnerKind } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { partnerEntryVerifies, signPartnerEntry, type PartnerEntryClaims } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import { PARTNER_SEED } from './partner-seed.js';
import { PartnersRepository } from './partners.repository.js';

type Row = NonNullable<Awaited<ReturnType<PartnersRepository['find']>>>;
type Entry = Pick<Row, 'name' | 'kind' | 'contactNotes' | 'active'>;

/**
 * The partner directory: seeded once into an empty table, read by staff,
 * edited by admins and supervisors (audited by id; names are not case data
 * but stay out of the log anyway). Each entry is signed with the directory
 * key and its revision anchored with the audit log: a referral goes only to
 * an entry the mechanism wrote as it stands — not to a contact rewritten in
 * SQL, a partner inserted there, or an older version put back.
 */
@Injectable()
export class PartnersService implements OnApplicationBootstrap {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: PartnersRepository,
    private readonly audit: AuditService,
    private readonly anchor: IntegrityAnchor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
    await this.adoptUnsigned();
  }

  /** Only into an empty directory: a renamed or deactivated partner is never brought back. */
  async seed(): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      if ((await this.repository.count(tx)) > 0) return 0;
      for (const partner of PARTNER_SEED) await this.write(tx, null, null, { ...partner, contactNotes: null, active: true }, 0);
      return PARTNER_SEED.length;
    });
  }

  /**
   * A directory from before signing is signed as it stands, once: at the first start after the upgrade, while
   * the log anchors no partner at all. From then on an unsigned entry is one the mechanism did not write.
   */
  async adoptUnsigned(): Promise<number> {
    if ((await this.anchor.partnerRevisions()) !== null) return 0;
    return this.prisma.$transaction(async (tx) => {
      const unsigned = (await this.repository.list(tx)).filter((row) => row.revision === 0);
      for (const row of unsigned) await this.write(tx, null, row.id, row, 0);
      return unsigned.length;
    });
  }

  /** Every entry, those changed outside the portal marked (the admin sees them; nobody can refer to them). */
  async list(): Promise<Partner[]> {
    const anchored = await this.anchor.partnerRevisions();
    return (await this.repository.list(this.prisma)).map((row) => view(row, !this.intact(row, anchored)));
  }

  /** An active partner of the directory as the mechanism wrote it, or null. */
  async findActive(id: string): Promise<Partner | null> {
    const row = await this.repository.find(this.prisma, id);
    if (!row?.active) return null;
    if (!this.intact(row, await this.anchor.partnerRevisions())) {
      this.runtime.logger.error({ partnerId: id }, 'partner refused: not the entry the mechanism last signed (changed in the database)');
      return null;
    }
    return view(row, false);
  }

  async create(staff: CurrentStaffMember, input: PartnerInput): Promise<Partner> {
    return this.prisma.$transaction(async (tx) => view(await this.write(tx, staff, null, entryOf(input), 0), false));
  }

  async update(staff: CurrentStaffMember, id: string, input: PartnerInput): Promise<Partner> {
    const anchored = (await this.anchor.partnerRevisions())?.[id] ?? 0;
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.repository.find(tx, id))) throw new AppError('NOT_FOUND');
      return view(await this.write(tx, staff, id, entryOf(input), anchored), false);
    });
  }

  /**
   * One entry written, signed at its next revision and audited with it (which anchors the revision).
   * `anchored` is the entry's revision as the log anchored it, read by the caller before the transaction:
   * the anchor reads the log on its own connection, which must not happen while this one holds the log's head.
   */
  private async write(tx: Db, staff: CurrentStaffMember | null, id: string | null, entry: Entry, anchored: number): Promise<Row> {
    const row = id === null ? await this.repository.create(tx, { ...entry, revision: 0, signature: '' }) : await this.repository.find(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    // After the stored and the anchored revision: an older signed version put back can never match again.
    const revision = Math.max(row.revision, anchored) + 1;
    const signature = signPartnerEntry(this.claims(row.id, entry, revision), this.runtime.secrets.directoryKey.value);
    const saved = await this.repository.update(tx, row.id, { ...entry, revision, signature });
    await this.audit.record(
      {
        action: 'partner.updated',
        actorId: staff?.id ?? null,
        targetType: 'partner',
        targetId: row.id,
        details: { created: id === null, active: entry.active, revision },
      },
      tx,
    );
    return saved;
  }

  /** Signed by the directory key over exactly this entry, at the revision the log anchored last. */
  private intact(row: Row, anchored: Readonly<Record<string, number>> | null): boolean {
    const publicKey = this.runtime.secrets.directoryKey.value.publicKey;
    if (row.revision < 1 || !partnerEntryVerifies(this.claims(row.id, row, row.revision), row.signature, publicKey)) return false;
    return anchored?.[row.id] === row.revision;
  }

  private claims(id: string, entry: Entry, revision: number): PartnerEntryClaims {
    return { tenant: this.runtime.config.TENANT, id, name: entry.name, kind: entry.kind, contactNotes: entry.contactNotes, active: entry.active, revision };
  }
}

function entryOf(input: PartnerInput): Entry {
  return { name: input.name, kind: input.kind, contactNotes: input.contactNotes ?? null, active: input.active };
}

function view(row: Row, altered: boolean): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PartnerKind,
    contactNotes: row.contactNotes,
    active: row.active,
    altered,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
