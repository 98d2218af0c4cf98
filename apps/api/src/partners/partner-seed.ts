import type { PartnerKind } from '@mnpddh/shared';

/**
 * The partners DOMAIN.md names, seeded into an empty directory on first
 * start; contact details are left for the administrators to fill in (none
 * is invented here).
 */
export const PARTNER_SEED: readonly { name: string; kind: PartnerKind }[] = [
  { name: 'Coalition malienne des défenseurs des droits humains', kind: 'national_coalition' },
  { name: 'Front Line Defenders', kind: 'international_protection' },
  { name: 'ProtectDefenders.eu', kind: 'emergency_fund' },
  { name: 'International Service for Human Rights (ISHR)', kind: 'human_rights_org' },
  { name: 'Rapporteur spécial de la CADHP sur les défenseurs des droits de l’homme', kind: 'african_commission' },
  { name: 'Groupe de travail de l’ONU sur les disparitions forcées ou involontaires', kind: 'un_body' },
];
