import type { IntakeCatalogue } from '@mnpddh/shared';
import { useIntakeT } from '../i18n/catalogues';

/* The words of "Vos accords de partage" live in the form's catalogue (intake.consents), so every language can translate them. */
type ConsentsCatalogue = IntakeCatalogue['consents'];

export function useFollowUpConsentT(): ConsentsCatalogue {
  return useIntakeT().consents;
}

/** How a consent entry of the thread reads (the server sends a code as its body). */
export function consentEntryText(t: ConsentsCatalogue, code: string): string {
  return code in t.entries ? t.entries[code as keyof ConsentsCatalogue['entries']] : t.entries.sharing_with_partners_withdrawn;
}
