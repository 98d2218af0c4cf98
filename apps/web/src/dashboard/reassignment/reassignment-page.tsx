import { BulkReassignment, type BulkReassignmentResult } from '@mnpddh/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SelectField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { useAssignees } from '../case-work/use-assignees';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { CaseChoice, caseBoxId, ALL_OF_ID } from './case-choice';
import { useReassignmentT } from './i18n';
import { ReassignmentResult } from './reassignment-result';
import { useHeldCases } from './use-held-cases';

const ASSIGNEE_ID = 'reassign-to';
/** The API takes at most this many cases a call. */
const BATCH = 100;

type Step = { kind: 'choose' } | { kind: 'confirm' } | { kind: 'done'; result: BulkReassignmentResult };

/** /personnel/dossiers/reattribution (supervisors): choose cases, choose the person, confirm, see what was done to each. */
export function ReassignmentPage() {
  const t = useReassignmentT();
  const { cases, error, reload } = useHeldCases();
  const { assignees, loaded } = useAssignees();
  const [chosen, setChosen] = useState<string[]>([]);
  const [assigneeId, setAssigneeId] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const { busy, errors, run, check } = useAction();
  const { api } = useStaffSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const assigneeName = assignees.find((person) => person.id === assigneeId)?.name ?? '';

  // Each step starts from its heading, for keyboard and screen-reader users.
  useEffect(() => {
    if (step.kind !== 'choose') heading.current?.focus();
  }, [step.kind]);

  const review = (event: FormEvent) => {
    event.preventDefault();
    // The shared schema the API parses each batch with (the first batch stands for all: same person, same rules).
    if (!check(BulkReassignment, { caseIds: chosen.slice(0, BATCH), assigneeId }, { caseIds: t.noCases, assigneeId: t.noAssignee })) return;
    setStep({ kind: 'confirm' });
  };

  const confirm = () =>
    run(async () => {
      const result: BulkReassignmentResult = { assigned: [], refused: [] };
      for (let start = 0; start < chosen.length; start += BATCH) {
        const done = await api.reassignCases({ caseIds: chosen.slice(start, start + BATCH), assigneeId });
        result.assigned.push(...done.assigned);
        result.refused.push(...done.refused);
      }
      setStep({ kind: 'done', result });
    });

  const startAgain = () => {
    setChosen([]);
    setStep({ kind: 'choose' });
    reload();
  };

  if (!cases || !loaded) {
    return (
      <>
        <h1>{t.title}</h1>
        {error ? (
          <>
            <ErrorSummary errors={error} fieldIds={{}} />
            <button type="button" className="button" onClick={reload}>
              {t.retry}
            </button>
          </>
        ) : (
          <Loading label={t.loading} />
        )}
      </>
    );
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {step.kind === 'choose' ? (
        cases.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <form className="form reassign-form" onSubmit={review} noValidate>
            <ErrorSummary errors={errors} fieldIds={{ caseIds: cases[0] ? caseBoxId(cases[0].id) : ALL_OF_ID, assigneeId: ASSIGNEE_ID }} />
            <CaseChoice cases={cases} chosen={chosen} onChange={setChosen} error={errors.fields.caseIds} />
            <SelectField
              id={ASSIGNEE_ID}
              label={t.assignee}
              hint={t.assigneeHint}
              value={assigneeId}
              onChange={(event) => setAssigneeId(event.target.value)}
              error={errors.fields.assigneeId}
            >
              <option value="">{t.assigneeChoose}</option>
              {assignees.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button">
              {t.review}
            </button>
          </form>
        )
      ) : step.kind === 'confirm' ? (
        <section className="reassign-confirm" aria-labelledby="reassign-step-title">
          <h2 id="reassign-step-title" ref={heading} tabIndex={-1}>
            {t.confirmTitle}
          </h2>
          <ErrorSummary errors={errors} fieldIds={{}} />
          <p>{format(chosen.length === 1 ? t.confirmOne : t.confirmMany, { n: chosen.length, name: assigneeName })}</p>
          <div className="button-row">
            <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void confirm()}>
              {busy ? t.working : t.confirm}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setStep({ kind: 'choose' })}>
              {t.back}
            </button>
          </div>
        </section>
      ) : (
        <section aria-labelledby="reassign-step-title">
          <h2 id="reassign-step-title" ref={heading} tabIndex={-1}>
            {t.resultTitle}
          </h2>
          <ReassignmentResult result={step.result} cases={cases} assigneeName={assigneeName} />
          <button type="button" className="button button--secondary" onClick={startAgain}>
            {t.again}
          </button>
        </section>
      )}
    </>
  );
}
