import { CASE_STATUSES, closingRefusal, refuseTransition, TRANSITIONS, type CaseStatus, type StatusChange } from './workflow.js';

const caseworker = { disappearance: false, actorIsSupervisor: false };
const supervisor = { disappearance: false, actorIsSupervisor: true };
const change = (to: CaseStatus, extra: Partial<StatusChange> = {}): StatusChange => ({ to, reason: 'Appel avec la famille', ...extra });
const closing = { outcome: 'released', defenderInformed: true } as const;

describe('the case workflow', () => {
  it('allows exactly the documented next steps, and refuses every other pair', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const refusal = refuseTransition(from, change(to, closing), supervisor);
        if (TRANSITIONS[from].includes(to)) expect([from, to, refusal]).toEqual([from, to, null]);
        else expect([from, to, refusal]).toEqual([from, to, 'not_a_next_step']);
      }
    }
  });

  it('follows the ordinary path from receipt to closure', () => {
    const path: CaseStatus[] = ['received', 'under_assessment', 'measures_in_progress', 'monitoring', 'closed'];
    for (let i = 1; i < path.length; i++) {
      expect(refuseTransition(path[i - 1] as CaseStatus, change(path[i] as CaseStatus, closing), caseworker)).toBeNull();
    }
  });

  it('needs an outcome and a note that the defender was informed to close', () => {
    expect(refuseTransition('monitoring', change('closed'), caseworker)).toBe('outcome_required');
    expect(refuseTransition('monitoring', change('closed', { outcome: 'released' }), caseworker)).toBe('defender_not_informed');
  });

  it('says the closing rules alone, without an actor, as the status form applies them', () => {
    expect(closingRefusal(change('closed'))).toBe('outcome_required');
    expect(closingRefusal(change('closed', { outcome: 'released' }))).toBe('defender_not_informed');
    expect(closingRefusal(change('closed', closing))).toBeNull();
    expect(closingRefusal(change('monitoring'))).toBeNull();
  });

  it('keeps a disappearance open while the person is missing, unless a supervisor records why', () => {
    const missing = { outcome: 'still_missing', defenderInformed: true } as const;
    const disappearance = { disappearance: true, actorIsSupervisor: false };
    expect(refuseTransition('monitoring', change('closed', missing), disappearance)).toBe('disappearance_still_open');
    expect(refuseTransition('monitoring', change('closed', missing), { ...disappearance, actorIsSupervisor: true })).toBe('disappearance_still_open');
    expect(
      refuseTransition('monitoring', change('closed', { ...missing, overrideReason: 'Famille relocalisée, suivi par le GTDFI' }), {
        ...disappearance,
        actorIsSupervisor: true,
      }),
    ).toBeNull();
    expect(refuseTransition('monitoring', change('closed', { outcome: 'located', defenderInformed: true }), disappearance)).toBeNull();
  });

  it('lets only a supervisor declare a case inadmissible or reopen one', () => {
    expect(refuseTransition('received', change('inadmissible'), caseworker)).toBe('supervisor_only');
    expect(refuseTransition('received', change('inadmissible'), supervisor)).toBeNull();
    expect(refuseTransition('closed', change('under_assessment'), caseworker)).toBe('supervisor_only');
  });
});
