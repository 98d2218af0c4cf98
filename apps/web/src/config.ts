/**
 * Values the mechanism sets before launch: the emergency line and the
 * quick-exit target live in the shared package (the pages served without
 * JavaScript show the same ones).
 */
export { EMERGENCY_PHONE, EMERGENCY_PHONE_HREF, QUICK_EXIT_URL } from '@mnpddh/shared';

/** Two presses of Escape within this delay trigger the quick exit. */
export const QUICK_EXIT_ESCAPE_WINDOW_MS = 1500;
