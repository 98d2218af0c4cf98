import { ASSESSED_RISK_LEVELS, RiskAssessmentInput, riskScore, suggestRiskLevel, type AssessedRiskLevel, type CaseDetail } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { addDays, todayInBamako } from '../cases/when';
import { format } from '../format';
import { Checkbox, Field } from '../forms/field';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { SelectField, TextAreaField } from './fields';
import { useCaseWorkT } from './i18n';
import { suggestionFor } from './request-facts';
import { useAction } from './use-action';

type FactorName = 'threats' | 'vulnerabilities' | 'capacities';
const FACTORS: readonly FactorName[] = ['threats', 'vulnerabilities', 'capacities'];
const SCORES = [1, 2, 3, 4, 5] as const;
const IDS = {
  threats: 'risk-threats',
  vulnerabilities: 'risk-vulnerabilities',
  capacities: 'risk-capacities',
  level: 'risk-level',
  overrideReason: 'risk-override',
  urgentProcedure: 'risk-urgent',
  reassessmentDue: 'risk-due',
};
/** Default reassessment: the ordinary procedure's 10 days. */
const REASSESS_AFTER_DAYS = 10;

/**
 * Threats × vulnerabilities ÷ capacities, each scored 1–5 with a note: the
 * suggested level updates as the scores change; choosing another level
 * needs a written reason (the shared schema says so too).
 */
export function RiskForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseWorkT();
  const [locale] = useLocale();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  // Pre-filled from the request (abduction or detention, life in danger, others at risk, profile, incidents); staff confirm or change.
  const suggestion = suggestionFor(detail);
  const [scores, setScores] = useState<Record<FactorName, number>>({
    threats: suggestion.threats.score,
    vulnerabilities: suggestion.vulnerabilities.score,
    capacities: suggestion.capacities.score,
  });
  const [notes, setNotes] = useState<Record<FactorName, string>>({ threats: '', vulnerabilities: '', capacities: '' });
  const [chosen, setChosen] = useState<AssessedRiskLevel | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [urgent, setUrgent] = useState(detail.index.urgent);
  const [due, setDue] = useState(() => addDays(todayInBamako(), REASSESS_AFTER_DAYS));

  const suggested = suggestRiskLevel(scores.threats, scores.vulnerabilities, scores.capacities);
  const score = riskScore(scores.threats, scores.vulnerabilities, scores.capacities);
  // The level follows the suggestion until the person picks another one.
  const level = chosen ?? suggested;
  const overriding = level !== suggested;

  const submit = async () => {
    const factor = (name: FactorName) => ({ score: scores[name], note: notes[name] });
    const body = check(RiskAssessmentInput, {
      threats: factor('threats'),
      vulnerabilities: factor('vulnerabilities'),
      capacities: factor('capacities'),
      level,
      ...(overriding ? { overrideReason } : {}),
      urgentProcedure: urgent,
      reassessmentDue: due,
    });
    if (!body) return;
    const ok = await run(() => api.assessRisk(detail.id, body));
    if (ok) onDone();
  };

  return (
    <ActionForm id="risk-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.risk.submit} onSubmit={submit}>
      <p className="form-help">{t.risk.intro}</p>
      {FACTORS.map((name) => (
        <fieldset key={name} className="fieldset risk-factor">
          <legend className="field__label">{t.risk[name]}</legend>
          <div className="risk-factor__fields">
            <SelectField
              id={IDS[name]}
              label={t.risk.score}
              hint={name === 'capacities' ? t.risk.capacitiesHint : undefined}
              value={String(scores[name])}
              onChange={(event) => setScores((current) => ({ ...current, [name]: Number(event.target.value) }))}
              error={errors.fields[name]}
            >
              {SCORES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              id={`${IDS[name]}-note`}
              label={`${t.risk.notes} ${t.optional}`}
              rows={2}
              value={notes[name]}
              onChange={(event) => setNotes((current) => ({ ...current, [name]: event.target.value }))}
            />
          </div>
          {suggestion[name].reasons.length > 0 ? (
            <p className="form-help risk-factor__reason">
              {format(t.risk.fromRequest, { reasons: suggestion[name].reasons.map((reason) => t.risk.reasons[reason]).join(', ') })}
            </p>
          ) : null}
        </fieldset>
      ))}
      <p className="risk-suggestion" role="status">
        {format(t.risk.suggested, {
          level: t.risk.levels[suggested],
          score: new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(score),
        })}
      </p>
      <SelectField
        id={IDS.level}
        label={t.risk.level}
        value={level}
        onChange={(event) => setChosen(event.target.value as AssessedRiskLevel)}
        error={errors.fields.level}
      >
        {ASSESSED_RISK_LEVELS.map((value) => (
          <option key={value} value={value}>
            {t.risk.levels[value]}
          </option>
        ))}
      </SelectField>
      {overriding ? (
        <TextAreaField
          id={IDS.overrideReason}
          label={t.risk.overrideReason}
          value={overrideReason}
          onChange={(event) => setOverrideReason(event.target.value)}
          error={errors.fields.overrideReason}
          required
        />
      ) : null}
      <Checkbox id={IDS.urgentProcedure} label={t.risk.urgentProcedure} checked={urgent} onChange={(event) => setUrgent(event.target.checked)} />
      <Field
        id={IDS.reassessmentDue}
        type="date"
        label={t.risk.reassessmentDue}
        value={due}
        onChange={(event) => setDue(event.target.value)}
        error={errors.fields.reassessmentDue}
        className="field__input--date"
      />
    </ActionForm>
  );
}
