import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { StaffRole } from '@mnpddh/shared';
import { StaffAccounts, type BootstrapAdmin } from '../admin/staff-accounts.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { EscrowService } from '../vault/escrow.service.js';
import { hasStaff } from './demo.repository.js';

export interface DemoAccount extends BootstrapAdmin {
  readonly roles: StaffRole[];
  readonly onCall: boolean;
}

/**
 * The demo team, staffed as a small mechanism would: two supervisors (a
 * triage team of two) and three custodians, two of whom hold another role —
 * with three, one custodian's password reset still leaves a working pair
 * (docs/SECURITY.md, "Custodians in a small team"). Each person is listed once.
 */
const DEMO_TEAM: { email: string; name: string; roles: StaffRole[]; onCall: boolean }[] = [
  { email: 'admin@demo.cndh.ml', name: 'Aminata Admin', roles: ['admin'], onCall: false },
  { email: 'depositaire1@demo.cndh.ml', name: 'Boubacar Dépositaire', roles: ['custodian'], onCall: false },
  { email: 'depositaire2@demo.cndh.ml', name: 'Coumba Dépositaire', roles: ['caseworker', 'custodian'], onCall: false },
  { email: 'superviseur1@demo.cndh.ml', name: 'Drissa Superviseur', roles: ['supervisor'], onCall: true },
  { email: 'superviseur2@demo.cndh.ml', name: 'Fatoumata Superviseure', roles: ['supervisor', 'custodian'], onCall: false },
  { email: 'charge@demo.cndh.ml', name: 'Issa Chargé de dossiers', roles: ['caseworker'], onCall: false },
  { email: 'auditeur@demo.cndh.ml', name: 'Kadiatou Auditrice', roles: ['auditor'], onCall: false },
];

/**
 * Embedded demo mode only, on an empty database: the demo team with complete
 * accounts, and the escrow sealed to every pair of the three custodians. The credentials are
 * printed once and written to DATA_DIR/demo-accounts.txt (0600): a demo,
 * never a deployment.
 */
export async function seedDemo(app: INestApplicationContext, dataDir: string): Promise<DemoAccount[]> {
  if (await hasStaff(app.get(PrismaService))) return [];
  const accounts = app.get(StaffAccounts);
  // Each account's password hash (Argon2id at the password cost, about a second) is most of a first start:
  // side by side, libuv's pool runs them on every core; their transactions still take the audit log in turn.
  const created: DemoAccount[] = await Promise.all(
    DEMO_TEAM.map(async (member) => ({ ...(await accounts.createComplete(member)), roles: member.roles, onCall: member.onCall })),
  );
  const custodians = created.filter((account) => account.roles.includes('custodian')).map((account) => account.id);
  await app.get(EscrowService).create(null, custodians);
  await writeFile(join(resolve(dataDir), 'demo-accounts.txt'), formatDemoAccounts(created), { mode: 0o600 });
  return created;
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map((a) => `${a.roles.join('+').padEnd(20)} ${a.email.padEnd(28)} ${a.password}  TOTP ${a.totpSecret}`);
  return [
    'Comptes de démonstration (mode intégré uniquement) / Demo accounts (embedded mode only):',
    'rôle                 e-mail                       phrase de passe                  secret TOTP (à saisir dans une application)',
    ...lines,
    '',
  ].join('\n');
}
