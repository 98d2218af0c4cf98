// The attacker of bench/flood.bench.mjs, in a process of its own: one client
// flooding receipts, staff sign-in and submissions together for a bounded
// time (loopback only), without solving puzzles; prints its tallies as JSON.
// Usage: node bench/lib/flood-attacker.mjs <portal url> <seconds>
import { randomBytes, randomInt } from 'node:crypto';

const [url, seconds] = [process.argv[2], Number(process.argv[3])];
const until = Date.now() + seconds * 1000;
const LOOPS = { receipts: 60, signIn: 60, submissions: 30 };

const post = (path, body) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const receipt = () => Array.from({ length: 6 }, () => String(randomInt(0, 10_000)).padStart(4, '0')).join(' ');
const junk = {
  summary: 'Ma vie est en danger, venez vite.',
  rightNow: { detainedOrMissing: 'no', lifeInDanger: 'yes' },
  contact: { methods: ['no_contact'] },
  consent: { processing: true },
};
const sends = {
  receipts: () => post('/api/follow-up/session', { receipt: receipt() }),
  signIn: () =>
    post('/api/auth/login', {
      email: `x${randomBytes(6).toString('hex')}@example.org`,
      password: `mot de passe ${randomBytes(8).toString('hex')}`,
      totp: '000000',
    }),
  submissions: () => post('/api/requests', junk),
};

const tallies = {};
await Promise.all(
  Object.entries(LOOPS).flatMap(([kind, loops]) =>
    Array.from({ length: loops }, async () => {
      tallies[kind] ??= {};
      while (Date.now() < until) {
        const response = await sends[kind]().catch(() => null);
        await response?.arrayBuffer().catch(() => undefined);
        const status = response?.status ?? 0;
        tallies[kind][status] = (tallies[kind][status] ?? 0) + 1;
      }
    }),
  ),
);
console.log(JSON.stringify({ loops: LOOPS, tallies }));
