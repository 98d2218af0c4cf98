import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { oggOpus } from '../support/audio-samples.js';
import { accessibilityProblems, launchBrowser, watchConsole, type Browser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { asOwner, createAdmin, FAST_PASSWORDS, signIn, type StaffClient, type StaffCredentials } from '../support/staff.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';

/**
 * Spoken help in a real Chromium: the "Écouter" button is there only when
 * the mechanism recorded the step in the page's language; no audio byte is
 * asked for before it is pressed; pressed, the recording loads and plays
 * from this origin. The admin's page uploads, plays and flags a prompt
 * changed in the database. SPOKEN_HELP_SCREENSHOTS=<dir> keeps screenshots.
 */

// A real browser and axe on a machine shared by several engineers' test runs: minutes, not seconds.
jest.setTimeout(300_000);

const SHOTS = process.env.SPOKEN_HELP_SCREENSHOTS;
let portal: RunningPortal;
let browser: Browser;
let credentials: StaffCredentials;
let admin: StaffClient;

async function upload(path: string, bytes: Uint8Array): Promise<void> {
  const response = await fetch(`${portal.url}/api/admin/spoken-prompts/${path}`, {
    method: 'PUT',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.session.csrfToken, 'content-type': 'audio/ogg' },
    body: new Uint8Array(bytes),
  });
  if (response.status !== 200) throw new Error(`upload ${path}: ${response.status} ${await response.text()}`);
}

const promptRequests = () => browser.requests.filter((url) => url.includes('/api/spoken-prompts/'));

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  portal = await startTestPortal({ ...testSecrets(), ...FAST_PASSWORDS });
  credentials = await createAdmin(portal, 'Awa Traoré');
  admin = await signIn(portal, credentials);
  await upload('home/fr', oggOpus(2));
  await upload('urgent-call/fr', oggOpus(1));
  await upload('callback/fr', oggOpus(1));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

describe('the defender presses "Écouter"', () => {
  it.each([360, 1280])('at %i px: no audio byte before the press; after it, the recording loads and plays from this origin; axe clean', async (width) => {
    const problems: string[] = [];
    const page = watchConsole(await browser.newPage(width), problems);
    browser.requests.length = 0;
    await page.goto(`${portal.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const buttons = page.getByRole('button', { name: 'Écouter' });
    await expect(buttons.count()).resolves.toBe(2);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, `home-${width}`);
    // Knowing which prompts exist cost no request: the page carried the list.
    expect(promptRequests()).toEqual([]);

    const answered = page.waitForResponse((response) => response.url().endsWith('/api/spoken-prompts/fr/home'));
    await buttons.first().click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('audio/ogg');
    const audio = page.locator('audio.listen');
    await page.waitForFunction(() => ((document.querySelector('audio.listen') as HTMLAudioElement | null)?.readyState ?? 0) >= 1);
    const played = await audio.evaluate((element: HTMLAudioElement) => ({
      duration: element.duration,
      error: element.error?.code ?? null,
      preload: element.preload,
    }));
    expect(played).toMatchObject({ error: null, preload: 'none' });
    expect(played.duration).toBeGreaterThan(1);
    expect(promptRequests().every((url) => url.startsWith(`${portal.url}/api/spoken-prompts/fr/home`))).toBe(true);
    expect(browser.requests.every((url) => url.startsWith(portal.url) || url.startsWith('data:') || url.startsWith('blob:'))).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the button on the call-back page, and none in a language nobody recorded', async () => {
    const page = await browser.newPage(360);
    await page.goto(`${portal.url}/rappel`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByRole('button', { name: 'Écouter' }).count()).resolves.toBe(1);
    await shot(page, 'callback-360');
    await page
      .getByRole('button', { name: 'English' })
      .or(page.getByRole('link', { name: 'English' }))
      .first()
      .click();
    // The French heading is there until the English page has come: wait for the page's language, not a heading.
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByRole('button', { name: 'Listen' }).count()).resolves.toBe(0);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('offers the browser’s own player, which fetches nothing until pressed', async () => {
    const plain = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await plain.newPage(360);
      await page.goto(`${portal.url}/simple`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const players = page.locator('audio[preload="none"][controls]');
      await expect(players.count()).resolves.toBe(2);
      expect(await players.first().getAttribute('src')).toBe('/api/spoken-prompts/fr/home');
      expect(plain.requests.filter((url) => url.includes('/api/spoken-prompts/'))).toEqual([]);
      // axe needs script in the page: the same HTML (these pages carry none) replayed in the browser with JavaScript.
      const markup = await page.content();
      const replay = await browser.newPage(360);
      await replay.route(page.url(), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: markup }));
      await replay.goto(page.url());
      expect(await accessibilityProblems(replay)).toEqual([]);
      await shot(replay, 'plain-home-360');
      await replay.close();
    } finally {
      await plain.close();
    }
  });
});

describe('the admin’s page', () => {
  it('uploads and plays a Bambara prompt, and says so when a prompt was changed in the database', async () => {
    const problems: string[] = [];
    const page = watchConsole(await browser.newPage(1280), problems);
    await signInInBrowser(page, portal.url, credentials, 'Awa Traoré');
    await page.goto(`${portal.url}/personnel/admin/aide-parlee`);
    await page.getByRole('heading', { level: 1, name: 'Aide parlée' }).waitFor();
    await page.getByLabel('Fichier audio pour « Accueil »').setInputFiles({ name: 'accueil-bambara.opus', mimeType: 'audio/ogg', buffer: oggOpus(2) });
    await page.getByRole('button', { name: 'Envoyer' }).first().click();
    await page.getByText('« Accueil » : enregistré.').waitFor();
    await page
      .getByText(/^Enregistré \(ogg, \d+ Kio/)
      .first()
      .waitFor();
    await expect(page.getByLabel('Écouter « Accueil »').count()).resolves.toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'admin-1280');

    // A writer swaps the Bambara recording: the page says it is no longer served.
    await asOwner(portal, "UPDATE spoken_prompt SET content = $1 WHERE step = 'home' AND language = 'bm'", [oggOpus(3)]);
    await page.reload();
    await page.getByText(/Modifié hors du portail/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'admin-360');
    expect(problems).toEqual([]);
    await page.close();
  });
});
