/**
 * Values the mechanism sets before launch, read by the web app and by the
 * server-rendered pages alike, so changing the emergency line or the
 * quick-exit target is a one-line change in one place.
 */

/** PLACEHOLDER: the mechanism sets its real emergency line here before launch. */
export const EMERGENCY_PHONE = '+223 00 00 00 00';

/** The same number for `tel:` links (digits and a leading +, no spaces). */
export const EMERGENCY_PHONE_HREF = `tel:${EMERGENCY_PHONE.replace(/[^\d+]/g, '')}`;

/**
 * Where "Quitter vite" goes: an ordinary, neutral page that is plausible on
 * any phone in Mali. The page replaces ours in the tab's history.
 */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=meteo+bamako';
