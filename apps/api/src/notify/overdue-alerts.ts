import type { AlertKind, OpsTopic, OverdueTarget } from '@mnpddh/shared';
import { overdueTargets, type ResponseTargets, type TargetedIndex } from '../vault/response-targets.js';

/** An open case's clear triage index, as the scan reads it (never its content). */
export interface ScannedIndex extends TargetedIndex {
  readonly id: string;
  readonly measureDue: Date | null;
  readonly nextContactAt?: Date | null;
}

export interface AlertToRaise {
  readonly kind: AlertKind;
  /** Null for an operational alert, which concerns no case. */
  readonly caseId: string | null;
  /** Operational alerts only: which check failed (shown in the dashboard, never sent out). */
  readonly topic?: OpsTopic;
  /** One alert per event, ever: the scan sees the same missed target every tick. */
  readonly dedupeKey: string;
}

export const createdKey = (caseId: string) => `created:${caseId}`;

/**
 * The alerts a case's missed targets call for at `now`. Targets that come
 * once per case (unassigned urgent, first contact) alert once per case;
 * those with a date that moves (assessment and reassessment, measures) once
 * per due date, so a new date missed alerts again.
 */
export function overdueAlerts(index: ScannedIndex, now: Date, targets: ResponseTargets): AlertToRaise[] {
  return overdueTargets(index, now, targets).map((target) => alertFor(index, target));
}

function alertFor(index: ScannedIndex, target: OverdueTarget): AlertToRaise {
  if (target === 'measure') return { kind: 'overdue_measure', caseId: index.id, dedupeKey: `measure:${index.id}:${iso(index.measureDue)}` };
  const dated = target === 'assessment' || target === 'reassessment' ? `:${iso(index.assessmentDue)}` : '';
  return { kind: 'overdue_case', caseId: index.id, dedupeKey: `overdue:${target}:${index.id}${dated}` };
}

const iso = (date: Date | null) => date?.toISOString() ?? 'none';
