import type { CasesCatalogue } from './i18n';

interface Deadlines {
  firstContactDue: string | null;
  assessmentDue: string | null;
  measureDue: string | null;
}

/** The earliest of a case's deadlines, and what it is for. */
export function nextDeadline(item: Deadlines, t: CasesCatalogue): { iso: string; label: string } | null {
  const candidates = [
    { iso: item.firstContactDue, label: t.deadlines.firstContact },
    { iso: item.assessmentDue, label: t.deadlines.assessment },
    { iso: item.measureDue, label: t.deadlines.measure },
  ].filter((candidate): candidate is { iso: string; label: string } => candidate.iso !== null);
  candidates.sort((a, b) => Date.parse(a.iso) - Date.parse(b.iso));
  return candidates[0] ?? null;
}
