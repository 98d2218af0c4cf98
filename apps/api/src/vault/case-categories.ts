import { decryptFieldText, type CaseKey } from '../crypto/index.js';
import { CASE_TABLE, type CaseCategories } from './case-content.js';

/**
 * The categories concern of a case whose key the caller has already opened:
 * the only field a view needs to count from the precise arrival (kept inside
 * it, never in the clear index). The caller checks the row and destroys the key.
 */
export function openCategories(caseKey: CaseKey, tenant: string, row: { id: string; categories: string | Uint8Array }): CaseCategories {
  const location = { tenant, caseId: row.id, table: CASE_TABLE, rowId: row.id, field: 'categories' };
  return JSON.parse(decryptFieldText(caseKey, row.categories, location)) as CaseCategories;
}

/** The precise arrival inside the categories, when the case has one (cases created before it was kept have none). */
export function arrivalOf(categories: CaseCategories): Date | null {
  const at = categories.arrivedAt ? new Date(categories.arrivedAt) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}
