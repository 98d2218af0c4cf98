import { Injectable } from '@nestjs/common';
import type { IntegrityStatus } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { IntegrityAnchor } from './integrity-anchor.service.js';

/** What the dashboard shows of the anchor, and an admin's acknowledgement of an incident (audited with what was found). */
@Injectable()
export class IntegrityService {
  constructor(
    private readonly anchor: IntegrityAnchor,
    private readonly audit: AuditService,
  ) {}

  async status(): Promise<IntegrityStatus> {
    return { incident: await this.anchor.incident() };
  }

  async acknowledge(admin: CurrentStaffMember): Promise<IntegrityStatus> {
    const incident = await this.anchor.incident();
    if (!incident) throw new AppError('CONFLICT');
    await this.audit.record({
      action: 'integrity.acknowledged',
      actorId: admin.id,
      details: { kind: incident.kind, anchoredSeq: incident.anchoredSeq, databaseSeq: incident.databaseSeq, detectedAt: incident.detectedAt },
    });
    await this.anchor.acknowledge();
    return { incident: await this.anchor.incident() };
  }
}
