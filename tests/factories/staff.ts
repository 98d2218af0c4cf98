import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { generateIdentityKeyPair, type IdentityKeyPair } from '../../apps/api/src/crypto/index.js';
import { PrismaService } from '../../apps/api/src/database/prisma.service.js';
import { DirectoryService } from '../../apps/api/src/directory/directory.service.js';
import type { StaffRole } from '../../apps/api/src/generated/prisma/client.js';

export interface StaffWithKeys {
  id: string;
  email: string;
  roles: StaffRole[];
  keyPair: IdentityKeyPair;
}

/**
 * A staff member with a certified key pair, as after their first login
 * (the key pair in memory stands for the one their session unwraps).
 */
export async function createStaffWithKeys(
  app: INestApplication,
  roles: StaffRole[],
  options: { onCall?: boolean; epoch?: number } = {},
): Promise<StaffWithKeys> {
  const prisma = app.get(PrismaService);
  const email = `${roles.join('-')}-${randomBytes(4).toString('hex')}@cndh.test`;
  const staff = await prisma.staffUser.create({
    data: { email, name: `Agent ${roles.join(' ')}`, roles, onCall: options.onCall ?? false },
  });
  const keyPair = generateIdentityKeyPair();
  await app.get(DirectoryService).certifyStaff(prisma, staff, keyPair.publicKey, options.epoch ?? 1);
  return { id: staff.id, email, roles, keyPair };
}
