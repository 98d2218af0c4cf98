import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Partner, PartnerInput, PartnerKind } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../auth/current-staff.js';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import { PARTNER_SEED } from './partner-seed.js';
import { PartnersRepository } from './partners.repository.js';

type Row = NonNullable<Awaited<ReturnType<PartnersRepository['find']>>>;

/**
 * The partner directory: seeded once into an empty table, read by staff,
 * edited by admins and supervisors (audited by id; names are not case data
 * but stay out of the log anyway).
 */
@Injectable()
export class PartnersService implements OnApplicationBootstrap {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: PartnersRepository,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  /** Only into an empty directory: a renamed or deactivated partner is never brought back. */
  async seed(): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      if ((await this.repository.count(tx)) > 0) return 0;
      await this.repository.insertMany(tx, PARTNER_SEED.map((partner) => ({ ...partner })));
      return PARTNER_SEED.length;
    });
  }

  async list(): Promise<Partner[]> {
    return (await this.repository.list(this.prisma)).map(view);
  }

  /** An active partner of the directory, or null. */
  async findActive(id: string): Promise<Partner | null> {
    const row = await this.repository.find(this.prisma, id);
    return row?.active ? view(row) : null;
  }

  async create(staff: CurrentStaffMember, input: PartnerInput): Promise<Partner> {
    return this.prisma.$transaction(async (tx) => {
      const row = await this.repository.create(tx, { name: input.name, kind: input.kind, contactNotes: input.contactNotes ?? null, active: input.active });
      await this.audit.record({ action: 'partner.updated', actorId: staff.id, targetType: 'partner', targetId: row.id, details: { created: true } }, tx);
      return view(row);
    });
  }

  async update(staff: CurrentStaffMember, id: string, input: PartnerInput): Promise<Partner> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.repository.find(tx, id))) throw new AppError('NOT_FOUND');
      const row = await this.repository.update(tx, id, { name: input.name, kind: input.kind, contactNotes: input.contactNotes ?? null, active: input.active });
      await this.audit.record({ action: 'partner.updated', actorId: staff.id, targetType: 'partner', targetId: id, details: { created: false, active: input.active } }, tx);
      return view(row);
    });
  }
}

function view(row: Row): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PartnerKind,
    contactNotes: row.contactNotes,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
