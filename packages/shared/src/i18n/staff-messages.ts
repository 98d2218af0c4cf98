import type { Locale } from '../locale.js';
import { apiFr } from './api-fr.js';
import { STAFF_TRANSLATIONS } from './compiled/staff.js';
import { staffFr } from './staff-fr.js';

/**
 * A field code's message on the staff side (French or English), as the API
 * words it: the dashboard's own checks say the same as the API's refusals.
 * Undefined for a code no catalogue has.
 */
export function fieldMessage(code: string, locale: Locale): string | undefined {
  const key = Object.hasOwn(apiFr.fields, code) ? `api.fields.${code}` : Object.hasOwn(staffFr.fields, code) ? `staff.fields.${code}` : undefined;
  if (key === undefined) return undefined;
  const french = key.startsWith('api.') ? apiFr.fields[code as keyof typeof apiFr.fields] : staffFr.fields[code as keyof typeof staffFr.fields];
  return (locale === 'fr' ? undefined : STAFF_TRANSLATIONS[locale]?.[key]) ?? french;
}

/** An error code's message on the staff side (French or English); undefined for a string that is no error code. */
export function errorCodeMessage(code: string, locale: Locale): string | undefined {
  if (!Object.hasOwn(apiFr.errors, code)) return undefined;
  const french = apiFr.errors[code as keyof typeof apiFr.errors];
  return (locale === 'fr' ? undefined : STAFF_TRANSLATIONS[locale]?.[`api.errors.${code}`]) ?? french;
}
