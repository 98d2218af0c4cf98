import { useT } from '../../i18n/i18n-context';
import { CallButton } from '../../ui/call-button';
import type { FieldErrors } from '../form/field-errors';
import { RadioGroup, TextField } from '../form/fields';
import { tristateOptions, type Patch } from '../form/options';
import { useIntakeFirstT } from '../i18n/first-catalogue';
import type { FirstStepDraft } from './request-draft';

export interface FirstStepProps {
  draft: FirstStepDraft;
  onChange: Patch<FirstStepDraft>;
  errors: FieldErrors;
}

export const isUrgentDraft = (draft: FirstStepDraft) => draft.detainedOrMissing === 'yes' || draft.lifeInDanger === 'yes';

/** Screen 1: what is happening, in the person's words, and the two questions that set the urgent procedure. */
export function NowStep({ draft, onChange, errors }: FirstStepProps) {
  const t = useIntakeFirstT();
  const site = useT();
  const n = t.request.now;
  return (
    <>
      <TextField
        path="summary"
        label={n.summaryLabel}
        hint={n.summaryHint}
        why={n.summaryWhy}
        required
        rows={7}
        value={draft.summary}
        onChange={(summary) => onChange({ summary })}
        error={errors.summary}
      />
      <fieldset className="subsection">
        <legend className="subsection__title">{n.rightNowTitle}</legend>
        <p className="question__why question__why--block">
          {t.common.why} {n.rightNowWhy}
        </p>
        <RadioGroup
          path="rightNow.detainedOrMissing"
          label={n.detainedLabel}
          required
          options={tristateOptions(t)}
          value={draft.detainedOrMissing}
          onChange={(detainedOrMissing) => onChange({ detainedOrMissing })}
          error={errors['rightNow.detainedOrMissing']}
        />
        <RadioGroup
          path="rightNow.lifeInDanger"
          label={n.dangerLabel}
          required
          options={tristateOptions(t)}
          value={draft.lifeInDanger}
          onChange={(lifeInDanger) => onChange({ lifeInDanger })}
          error={errors['rightNow.lifeInDanger']}
        />
      </fieldset>
      {/* Appears as soon as either answer is "Oui": the phone is faster than any form. */}
      <div aria-live="polite">
        {isUrgentDraft(draft) ? (
          <section className="urgent urgent--inline" aria-labelledby="urgent-now-title">
            <h3 id="urgent-now-title">{n.urgentTitle}</h3>
            <p>{n.urgentText}</p>
            <CallButton template={site.layout.call} />
          </section>
        ) : null}
      </div>
    </>
  );
}
