import { mkdtemp, rm } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); override with CHROMIUM_PATH. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  readonly context: BrowserContext;
  /** Every URL the pages requested, to prove nothing goes to another origin. */
  readonly requests: string[];
  newPage(width: number): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra command-line switches (e.g. a fake microphone: `--use-fake-device-for-media-stream`). */
  args?: string[];
  /** false: JavaScript off, as Tor Browser's "Safest" level. */
  javaScriptEnabled?: boolean;
}

/** A real headless Chromium with a throwaway profile. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'mnpddh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'fr-FR',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return {
    context,
    requests,
    async newPage(width: number) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** True when the page scrolls sideways (broken layout at that width). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/**
 * Collects a page's console errors and uncaught errors into `problems`. The
 * one error tolerated is the browser's own line for the session probe's 401
 * (asking "am I signed in?" when one is not); a CSP refusal or any script
 * error fails the suite that asserts `problems` is empty.
 */
export function watchConsole(page: Page, problems: string[]): Page {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const expected401 = /status of 401/.test(message.text()) && message.location().url.endsWith('/api/auth/session');
    if (!expected401) problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

/**
 * Collects every console error (none tolerated) and every answer of 400 or
 * more, for a page that must load without either (e.g. the sign-in page,
 * whose session probe answers "not signed in" without a 401).
 */
export function watchFailures(page: Page, problems: string[]): Page {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

/** What breaks accessibility on this page: axe violations (rule: targets), and what sticks out sideways. Empty when fine. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const problems = violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  if (await overflowsHorizontally(page)) problems.push(`scrolls sideways: ${(await widerThanScreen(page)).join(', ')}`);
  return problems;
}

/** The elements that stick out on the right, to say where the layout broke. */
function widerThanScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > limit + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`);
  });
}
