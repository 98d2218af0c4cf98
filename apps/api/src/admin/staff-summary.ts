import { StaffSummary } from '@mnpddh/shared';
import type { StaffRecord } from '../auth/staff.repository.js';

/** The admin's view of a person, parsed by the shared schema so no secret column can slip out. */
export function staffSummary(user: StaffRecord, certified: boolean): StaffSummary {
  return StaffSummary.parse({
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    onCall: user.onCall,
    active: user.active,
    hasKeys: certified,
    secondFactorEnrolled: user.totpConfirmed,
    alertPhone: user.alertPhone,
    rotaPosition: user.onCall ? user.rotaPosition : null,
    createdAt: user.createdAt.toISOString(),
  });
}
