/**
 * Web hygiene: an unknown path is a 404 (not the app with 200), the app's own
 * pages still load, robots.txt keeps staff pages out of indexes, security.txt
 * and the favicon come from this origin, public pages carry a description,
 * and no page triggers a CSP violation (zod must not probe `new Function`).
 */
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { launchBrowser, type Browser } from '../support/browser.js';
import { startTestPortal } from '../support/test-portal.js';

const CONTACT = 'mailto:signalement@example.org';
let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  portal = await startTestPortal({ SECURITY_CONTACT: CONTACT });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

const get = (path: string) => fetch(`${portal.url}${path}`, { redirect: 'manual' });

describe('paths the server answers', () => {
  it.each(['/nimporte-quoi', '/favicon.ico', '/wp-login.php', '/demande/autre', '/.env', '/.git/config'])('%s is a plain 404', async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(404);
    expect(await answer.text()).toMatch(/Page introuvable/);
  });

  it.each(['/', '/demande', '/suivi', '/rappel', '/aide', '/personnel', '/personnel/dossiers'])('%s serves the app', async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/<div id="root">/);
  });

  it('robots.txt keeps the staff pages and the API out of indexes', async () => {
    const answer = await get('/robots.txt');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await answer.text();
    expect(text).toMatch(/^Disallow: \/personnel$/m);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
  });

  it('security.txt names the configured contact and an expiry less than a year away', async () => {
    const answer = await get('/.well-known/security.txt');
    expect(answer.status).toBe(200);
    const text = await answer.text();
    expect(text).toMatch(new RegExp(`^Contact: ${CONTACT}$`, 'm'));
    const expires = Date.parse(/^Expires: (\S+)$/m.exec(text)?.[1] ?? '');
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThan(Date.now() + 365 * 24 * 3600_000);
  });

  it('serves the favicon the pages link to', async () => {
    const html = await (await get('/')).text();
    expect(html).toMatch(/<link rel="icon" href="\/favicon\.svg"/);
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });
});

describe('in Chromium', () => {
  it.each(['/', '/demande', '/suivi', '/rappel', '/aide', '/personnel'])(
    '%s loads without any CSP violation',
    async (path) => {
      const page = await browser.newPage(360);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|unsafe-eval/i.test(message.text())) problems.push(message.text());
      });
      // A swallowed `new Function` leaves no console line, only this event.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${portal.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Lazy pages build their schemas when their code arrives: wait until nothing is loading.
      await page.waitForLoadState('networkidle');
      problems.push(...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)));
      expect(problems).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
