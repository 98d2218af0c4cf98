// Alert benchmark: an urgent request through the real `POST /api/requests`
// of a running portal (its own process: node apps/api/dist/main.js, embedded
// PostgreSQL, the demo team, whose first supervisor is on call), and the time
// from the 201 to the alert e-mail's arrival at a real SMTP server on
// loopback (smtp-server, in this process: both instants on one clock).
// Requests one after the other with a pause; the person on call acknowledges
// each alert through the API once its e-mail is in, as they would (an
// unanswered page of the same kind folds the next alerts into it: no new
// e-mail until it is acknowledged or escalated).
// Run: npm run bench:alert   (builds first; temp dir deleted; loopback only)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../apps/api/dist/database/free-port.js';
import { machineLine, median, ms, p95, writeSection } from './lib/report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALERTS = Number(process.env.BENCH_ALERTS ?? 20);
const PAUSE_MS = Number(process.env.BENCH_ALERT_PAUSE_MS ?? 1_500);
const MAIL_TIMEOUT_MS = 60_000;
const START_TIMEOUT_MS = 180_000;
const ON_CALL = 'superviseur1@demo.cndh.ml';
const TARGET_P95_MS = 2_000;

const urgentRequest = JSON.stringify({
  summary: 'Mon frère a été arrêté ce soir à Sévaré par des hommes en uniforme.',
  rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
  contact: { methods: ['phone'], phone: '+223 70 11 22 33' },
  consent: { processing: true },
});

/** Arrival instants (performance.now()) of the messages to the person on call, in order. */
const arrivals = [];
const waiters = [];

function startSmtp() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        if (session.envelope.rcptTo.some((rcpt) => rcpt.address === ON_CALL)) {
          arrivals.push(performance.now());
          waiters.splice(0).forEach((wake) => wake());
        }
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Resolves with the arrival instant of message number `index` (0-based), or rejects after the timeout. */
function arrivalOf(index) {
  const deadline = performance.now() + MAIL_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (arrivals.length > index) return resolve(arrivals[index]);
      if (performance.now() > deadline) return reject(new Error(`alert e-mail ${index + 1} did not arrive within ${MAIL_TIMEOUT_MS / 1000} s`));
      waiters.push(check);
      setTimeout(check, 1_000).unref();
    };
    check();
  });
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
}

/** The built API in its own process, until /api/health answers 200. */
async function startPortalProcess(dataDir, smtpUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      SMTP_URL: smtpUrl,
      ALERT_FROM: 'alertes@bench.test',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}: ${stderr.slice(0, 500)}`);
    if (performance.now() - started > START_TIMEOUT_MS) throw new Error('the API did not answer in time');
    const status = await fetch(`${url}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The demo account on call, as the embedded mode wrote it in DATA_DIR/demo-accounts.txt. */
async function onCallAccount(dataDir) {
  const text = await readFile(join(dataDir, 'demo-accounts.txt'), 'utf8');
  const line = text.split('\n').find((candidate) => candidate.includes(` ${ON_CALL} `));
  const match = line && /^\S+\s+(\S+)\s+(.+?)\s+TOTP (\S+)$/.exec(line.trim());
  if (!match) throw new Error(`no demo account for ${ON_CALL}`);
  return { email: match[1], password: match[2], totpSecret: match[3] };
}

async function signIn(url, account) {
  const totp = TOTP.generate({ secret: Secret.fromBase32(account.totpSecret) });
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password, totp }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('mnpddh_session='))
    ?.split(';')[0];
  return { cookie, csrf: (await response.json()).csrfToken };
}

/** What the person on call does once paged: acknowledges every open urgent alert. */
async function acknowledgeAll(url, staff) {
  const headers = { cookie: staff.cookie, 'x-csrf-token': staff.csrf };
  const list = await fetch(`${url}/api/alerts`, { headers });
  if (list.status !== 200) throw new Error(`alert list answered ${list.status}`);
  for (const alert of (await list.json()).items.filter((item) => item.kind === 'urgent_request' && item.acknowledgedAt === null)) {
    const response = await fetch(`${url}/api/alerts/${alert.id}/acknowledge`, { method: 'POST', headers });
    if (response.status !== 200) throw new Error(`acknowledgement answered ${response.status}`);
    await response.arrayBuffer();
  }
}

async function submitUrgent(url) {
  const sent = performance.now();
  const response = await fetch(`${url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: urgentRequest,
  });
  const answered = performance.now();
  if (response.status !== 201) throw new Error(`submission answered ${response.status}`);
  if ((await response.json()).urgent !== true) throw new Error('the request was not taken as urgent');
  return { sent, answered };
}

const root = await mkdtemp(join(tmpdir(), 'mnpddh-bench-alert-'));
await chmod(root, 0o755);
const smtp = await startSmtp();
const { child, url } = await startPortalProcess(join(root, 'data'), `smtp://127.0.0.1:${smtp.server.address().port}`);
try {
  const staff = await signIn(url, await onCallAccount(join(root, 'data')));
  const afterAnswer = [];
  const afterSend = [];
  const submit = [];
  let early = 0;
  for (let i = 0; i < ALERTS; i++) {
    const { sent, answered } = await submitUrgent(url);
    const arrived = await arrivalOf(i);
    if (arrived < answered) early++;
    afterAnswer.push(Math.max(0, arrived - answered));
    afterSend.push(arrived - sent);
    submit.push(answered - sent);
    await acknowledgeAll(url, staff);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  const within = afterAnswer.filter((value) => value <= TARGET_P95_MS).length;
  writeSection(
    '12-alert',
    `## 12. Urgent request → alert e-mail at a local SMTP server

\`npm run bench:alert\` (bench/alert.bench.mjs): the built API in its own process
(\`node apps/api/dist/main.js\`, \`NODE_ENV=production\`, embedded PostgreSQL in a
temporary folder, the demo team: its first supervisor is on call), \`SMTP_URL\` pointing
at a real SMTP server on loopback (smtp-server, in the bench process). ${ALERTS} urgent
requests (\`rightNow.detainedOrMissing = yes\`) through \`POST /api/requests\` one after
the other, ${PAUSE_MS} ms apart, each alert acknowledged through the API by the person
on call once its e-mail is in (an unanswered page folds later alerts of its kind); for each, the time from the 201 reaching the bench to the
end of the alert message's DATA at the SMTP server (both instants on the bench's clock).
The scheduler's tick is left at its default (30 s): what is measured is the
delivery right after the request commits.
${machineLine()}

| measure | median | p95 | max |
|---|---|---|---|
| **201 → e-mail received** (n=${ALERTS}) | **${ms(median(afterAnswer))}** | **${ms(p95(afterAnswer))}** | ${ms(Math.max(...afterAnswer))} |
| request sent → e-mail received | ${ms(median(afterSend))} | ${ms(p95(afterSend))} | ${ms(Math.max(...afterSend))} |
| \`POST /api/requests\` (urgent) | ${ms(median(submit))} | ${ms(p95(submit))} | ${ms(Math.max(...submit))} |

Within 2 s of the 201: ${within} of ${ALERTS}; target p95 ≤ 2 s: **${p95(afterAnswer) <= TARGET_P95_MS ? 'met' : 'not met'}**.
${early} of ${ALERTS} messages arrived before the 201 reached the bench (counted as 0 ms).
`,
  );
} finally {
  child.kill('SIGTERM');
  await exited(child);
  await new Promise((resolve) => smtp.close(resolve));
  await rm(root, { recursive: true, force: true });
}
