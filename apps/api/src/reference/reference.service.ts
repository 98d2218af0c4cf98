import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { REFERENCE_LISTS, type ReferenceItem, type ReferenceItemInput, type ReferenceListName } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { PrismaService } from '../database/prisma.service.js';
import { ReferenceRepository } from './reference.repository.js';
import { REFERENCE_SEED } from './reference-seed.js';

type Row = Awaited<ReturnType<ReferenceRepository['list']>>[number];

/** The reference lists: seeded at start when missing, read by every signed-in role, edited by admins (audited). */
@Injectable()
export class ReferenceService implements OnApplicationBootstrap {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: ReferenceRepository,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  async seed(): Promise<number> {
    const items = REFERENCE_LISTS.flatMap((list) =>
      REFERENCE_SEED[list].map((item, position) => ({
        list,
        code: item.code,
        labelFr: item.fr,
        labelEn: item.en,
        uncertain: item.uncertain ?? false,
        position,
      })),
    );
    return this.repository.insertMissing(this.prisma, items);
  }

  async all(): Promise<ReferenceItem[]> {
    return (await this.repository.list(this.prisma)).filter((row) => isListName(row.list)).map(view);
  }

  async isActive(list: ReferenceListName, code: string): Promise<boolean> {
    const row = await this.repository.find(this.prisma, list, code);
    return row?.active === true;
  }

  async save(admin: CurrentStaffMember, list: ReferenceListName, code: string, input: ReferenceItemInput): Promise<ReferenceItem> {
    return this.prisma.$transaction(async (tx) => {
      const existing = await this.repository.find(tx, list, code);
      const position = input.position ?? existing?.position ?? (await this.repository.nextPosition(tx, list));
      const row = await this.repository.upsert(tx, { list, code, ...input, position });
      await this.audit.record(
        { action: 'reference.updated', actorId: admin.id, targetType: 'reference_item', targetId: `${list}:${code}`, details: { created: !existing } },
        tx,
      );
      return view(row);
    });
  }
}

function isListName(list: string): list is ReferenceListName {
  return (REFERENCE_LISTS as readonly string[]).includes(list);
}

function view(row: Row): ReferenceItem {
  return {
    list: row.list as ReferenceListName,
    code: row.code,
    labelFr: row.labelFr,
    labelEn: row.labelEn,
    uncertain: row.uncertain,
    active: row.active,
    position: row.position,
  };
}
