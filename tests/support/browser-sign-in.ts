import type { Locator, Page } from 'playwright-core';
import { nextTotp, type StaffCredentials } from './staff.js';

/**
 * Signs a staff member in through the dashboard's form, as they would (French
 * labels, a fresh TOTP code), and waits for the home page's greeting: their
 * name, or any greeting when none is given.
 */
export async function signInInBrowser(page: Page, portalUrl: string, credentials: StaffCredentials, name?: string): Promise<void> {
  await page.goto(`${portalUrl}/personnel`);
  await page.getByLabel('Adresse e-mail').fill(credentials.email);
  await page.getByLabel('Phrase de passe').fill(credentials.password);
  await page.getByLabel('Code à 6 chiffres').fill(await nextTotp(credentials.totpSecret));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: name ? `Bonjour, ${name}` : /^Bonjour/ }).waitFor();
}

/**
 * The staff menu (links, search, language): on a phone it is folded behind
 * its "Menu" button, which is pressed first; on a laptop it is always there.
 */
export async function staffMenu(page: Page): Promise<Locator> {
  const toggle = page.getByRole('button', { name: 'Menu', exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.locator('#staff-menu');
}
