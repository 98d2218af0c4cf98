import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { launchBrowser, watchConsole, type Browser } from './browser.js';
import { signInInBrowser } from './browser-sign-in.js';
import { createAdmin, FAST_PASSWORDS, signIn, type StaffClient, type StaffCredentials } from './staff.js';
import { startTestPortal } from './test-portal.js';

/** Where the browser tests leave their screenshots, to be looked at. */
export const SHOTS = '/tmp/shots';
const SLOW_MS = 180_000;

export interface BrowserPortal {
  readonly portal: RunningPortal;
  readonly browser: Browser;
  /** The admin who invited everyone else, signed in through the API. */
  readonly admin: StaffClient;
  readonly adminCredentials: StaffCredentials;
  /** Console errors and failed requests of every page opened with `pageAs`, for the file to assert at its end. */
  readonly consoleProblems: string[];
  /** A page at this width, watched for console problems, signed in as the person (the header shows their name). */
  pageAs(person: StaffCredentials, name: string, width: number): Promise<Page>;
}

/**
 * One portal on its own database and one Chromium for an end-to-end file:
 * started before the file's own `beforeAll` (call this first in the
 * `describe`) and closed after its tests. Each file then creates the team and
 * the cases its story needs, with the admin this starts with.
 */
export function useBrowserPortal(options: { adminName?: string; env?: NodeJS.ProcessEnv } = {}): BrowserPortal {
  let started: { portal: RunningPortal; browser: Browser; admin: StaffClient; adminCredentials: StaffCredentials } | undefined;
  const consoleProblems: string[] = [];
  const ready = () => {
    if (!started) throw new Error('the portal is started in beforeAll: use it inside hooks and tests');
    return started;
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const portal = await startTestPortal(options.env ?? FAST_PASSWORDS);
    const browser = await launchBrowser();
    const adminCredentials = await createAdmin(portal, options.adminName);
    started = { portal, browser, adminCredentials, admin: await signIn(portal, adminCredentials) };
  }, SLOW_MS);

  afterAll(async () => {
    await started?.browser.close();
    await started?.portal.close();
  }, SLOW_MS);

  return {
    get portal() {
      return ready().portal;
    },
    get browser() {
      return ready().browser;
    },
    get admin() {
      return ready().admin;
    },
    get adminCredentials() {
      return ready().adminCredentials;
    },
    consoleProblems,
    async pageAs(person, name, width) {
      const { browser, portal } = ready();
      const page = watchConsole(await browser.newPage(width), consoleProblems);
      await signInInBrowser(page, portal.url, person, name);
      return page;
    },
  };
}
