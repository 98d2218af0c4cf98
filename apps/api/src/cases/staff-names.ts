import { Injectable } from '@nestjs/common';
import type { Assignee } from '@mnpddh/shared';
import { PrismaService } from '../database/prisma.service.js';
import { CaseStaffRepository } from './case-staff.repository.js';

/** Names of staff for the case view, and who a case can go to. Staff names never reach the defender. */
@Injectable()
export class StaffNames {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: CaseStaffRepository,
  ) {}

  async names(ids: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    return this.repository.findNames(this.prisma, unique);
  }

  /** Active supervisors and caseworkers with a certified key: the people a case can be assigned to. */
  async assignees(): Promise<Assignee[]> {
    const rows = await this.repository.findAssignable(this.prisma);
    return rows.map((row) => ({ id: row.id, name: row.name, roles: [...row.roles], onCall: row.onCall }));
  }

  async isAssignee(id: string): Promise<boolean> {
    return (await this.assignees()).some((assignee) => assignee.id === id);
  }
}
