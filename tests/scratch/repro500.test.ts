import { randomInt } from 'node:crypto';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { createAdmin, createStaff, FAST_PASSWORDS, postLogin, signIn, strongPassphrase, wrongTotp } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';
let portal: RunningPortal;
beforeAll(async () => { portal = await startTestPortal({ ...FAST_PASSWORDS, LOG_LEVEL: 'error' }); }, 60_000);
afterAll(async () => { await portal?.close(); });
it('storm', async () => {
  const admin = await signIn(portal, await createAdmin(portal));
  const { credentials: target } = await createStaff(portal, admin, { roles: ['supervisor'] });
  const statuses = new Map<number, number>();
  const until = Date.now() + 12_000;
  await Promise.all(Array.from({ length: 20 }, async () => {
    while (Date.now() < until) {
      const r = await postLogin(portal, { email: target.email, password: strongPassphrase(), totp: wrongTotp(target.totpSecret) });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
  }));
  console.log([...statuses]);
  expect(randomInt(2)).toBeLessThan(3);
}, 90_000);
