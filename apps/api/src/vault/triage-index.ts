import { DEFAULT_RESPONSE_TARGETS, type ResponseTargets } from '../config/response-targets.js';
import type { ClearValues } from '../crypto/index.js';

/** SECURITY.md's triage index: the only clear values of a case. */
export interface TriageIndex {
  reference: string;
  status: string;
  urgent: boolean;
  riskLevel: string;
  receivedAt: Date;
  firstContactDue: Date | null;
  assessmentDue: Date | null;
  nextContactAt: Date | null;
  measureDue: Date | null;
  assignedTo: string | null;
  /** First day of the month of closure (month granularity once closed); null while open. */
  closedAt: Date | null;
  /** Serious case closed: retention never purges it without a supervisor's confirmation. */
  legalHold: boolean;
}

/** Times are kept to the hour while a case is open: finer would help single a person out. */
export function toHour(date: Date): Date {
  const copy = new Date(date);
  copy.setUTCMinutes(0, 0, 0);
  return copy;
}

/** A new case's index: the first-contact (urgent) or assessment (ordinary) deadline from the response targets. */
export function newCaseIndex(reference: string, urgent: boolean, now: Date, targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS): TriageIndex {
  const receivedAt = toHour(now);
  const after = (ms: number) => new Date(receivedAt.getTime() + ms);
  return {
    reference,
    status: 'received',
    urgent,
    riskLevel: 'unknown',
    receivedAt,
    firstContactDue: urgent ? after(targets.firstContactUrgentMs) : null,
    assessmentDue: urgent ? null : after(targets.assessmentOrdinaryMs),
    nextContactAt: null,
    measureDue: null,
    assignedTo: null,
    closedAt: null,
    legalHold: false,
  };
}

/** The values the index MAC and the case manifest cover. */
export function indexValues(index: TriageIndex): ClearValues {
  const time = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    reference: index.reference,
    status: index.status,
    urgent: index.urgent,
    riskLevel: index.riskLevel,
    receivedAt: time(index.receivedAt),
    firstContactDue: time(index.firstContactDue),
    assessmentDue: time(index.assessmentDue),
    nextContactAt: time(index.nextContactAt),
    measureDue: time(index.measureDue),
    assignedTo: index.assignedTo,
    closedAt: time(index.closedAt),
    legalHold: index.legalHold,
  };
}

/** Once closed, only the month of closure stays in the clear (SECURITY.md): its first day, UTC. */
export function toMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** e.g. "K7QP-4ZM2": random, unambiguous when read aloud, saying nothing of when or where. */
export function newReference(random: (max: number) => number): string {
  const chars = Array.from({ length: 8 }, () => REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
