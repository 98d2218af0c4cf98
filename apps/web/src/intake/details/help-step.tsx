import { DISCLOSING_MEASURE_CODES, PROTECTION_MEASURES } from '@mnpddh/shared';
import { InfoIcon } from '../../ui/icons';
import { CheckboxGroup, optionsOf, RadioGroup, TextField } from '../form/fields';
import { tristateOptions } from '../form/options';
import { useIntakeT } from '../i18n/catalogues';
import type { StepProps } from './who-steps';

/** The help asked for, who was already contacted, and the defender's card (never required). */
export function HelpStep({ draft, onChange, errors }: StepProps) {
  const t = useIntakeT();
  const h = t.details.help;
  // Each measure asked for that reveals the person to someone asks for their agreement, one by one.
  const disclosing = DISCLOSING_MEASURE_CODES.filter((measure) => draft.measures.includes(measure));
  return (
    <>
      <CheckboxGroup
        path="help.measures"
        label={h.measuresLegend}
        hint={h.measuresHint}
        options={optionsOf(PROTECTION_MEASURES, t.labels.measures)}
        values={draft.measures}
        onChange={(measures) => onChange({ measures })}
        error={errors['help.measures']}
      />
      {disclosing.length > 0 ? (
        <CheckboxGroup
          path="help.agreesToDisclose"
          label={h.agreeLegend}
          hint={h.agreeHint}
          options={disclosing.map((measure) => ({ value: measure, label: h.agreeFor[measure] }))}
          values={draft.agreesToDisclose.filter((measure) => draft.measures.includes(measure))}
          onChange={(agreesToDisclose) => onChange({ agreesToDisclose })}
          error={errors['help.agreesToDisclose']}
        />
      ) : null}
      <TextField
        path="help.other"
        label={h.otherLabel}
        rows={3}
        value={draft.helpOther}
        onChange={(helpOther) => onChange({ helpOther })}
        error={errors['help.other']}
      />
      <fieldset className="subsection">
        <legend className="subsection__title">{h.contactedTitle}</legend>
        <p className="question__why question__why--block">
          {t.common.why} {h.contactedWhy}
        </p>
        <RadioGroup
          path="alreadyContacted.lawyer"
          label={h.lawyerLegend}
          options={tristateOptions(t)}
          value={draft.lawyer}
          onChange={(lawyer) => onChange({ lawyer })}
          error={errors['alreadyContacted.lawyer']}
        />
        <RadioGroup
          path="alreadyContacted.police"
          label={h.policeLegend}
          options={tristateOptions(t)}
          value={draft.police}
          onChange={(police) => onChange({ police })}
          error={errors['alreadyContacted.police']}
        />
        <TextField
          path="alreadyContacted.organisations"
          label={h.organisationsLabel}
          rows={3}
          spellCheck={false}
          value={draft.organisations}
          onChange={(organisations) => onChange({ organisations })}
          error={errors['alreadyContacted.organisations']}
        />
      </fieldset>
      <RadioGroup
        path="defender.professionalCard"
        label={h.cardLegend}
        hint={
          <span className="card-note">
            <InfoIcon />
            <strong>{h.cardHint}</strong>
          </span>
        }
        options={tristateOptions(t)}
        value={draft.professionalCard}
        onChange={(professionalCard) => onChange({ professionalCard })}
        error={errors['defender.professionalCard']}
      />
    </>
  );
}
