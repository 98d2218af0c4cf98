import { Field } from '../forms/field';
import { CheckboxGroup, RadioGroup, SelectField } from './choices';
import { errorAt } from './field-ids';
import { optionsOf, useOptions } from './options';
import type { SectionProps } from './section-props';
import { useAssistedT } from './strings';

/** Left unanswered, the gender is simply not given: no separate "not given" choice. */
const GENDER_CHOICES = ['woman', 'man', 'other', 'prefer_not_to_say'] as const;

/** Who is at risk and where: all optional, all can come later. */
export function PersonSection({ draft, patch, errors }: SectionProps) {
  const t = useAssistedT();
  const p = t.person;
  const profiles = useOptions('defender_profile');
  const languages = useOptions('language');
  const regions = useOptions('region');
  return (
    <section className="form-section" aria-labelledby="ai-person-title">
      <h2 id="ai-person-title">{p.title}</h2>
      <p className="form-help">{p.intro}</p>
      <div className="form-section__pair">
        <Field
          id="ai-name"
          label={p.name}
          autoComplete="off"
          value={draft.name}
          onChange={(event) => patch({ name: event.target.value })}
          error={errors['request.defender.name']}
        />
        <Field
          id="ai-organisation"
          label={p.organisation}
          autoComplete="off"
          value={draft.organisation}
          onChange={(event) => patch({ organisation: event.target.value })}
          error={errors['request.defender.organisation']}
        />
      </div>
      <CheckboxGroup
        id="ai-profiles"
        legend={p.profiles}
        options={profiles}
        values={draft.profiles}
        onChange={(values) => patch({ profiles: values })}
        error={errorAt(errors, 'request.defender.profiles')}
      />
      <RadioGroup
        id="ai-gender"
        legend={p.gender}
        options={optionsOf(GENDER_CHOICES, p.genders)}
        inline
        value={draft.gender}
        onChange={(gender) => patch({ gender })}
        error={errors['request.defender.gender']}
      />
      <CheckboxGroup
        id="ai-languages"
        legend={p.languages}
        options={languages}
        inline
        values={draft.languages}
        onChange={(values) => patch({ languages: values })}
        error={errorAt(errors, 'request.defender.languages')}
      />
      <div className="form-section__pair">
        <SelectField
          id="ai-region"
          label={p.region}
          emptyLabel={t.choose}
          options={regions}
          value={draft.region}
          onChange={(event) => patch({ region: event.target.value })}
          error={errors['request.location.region']}
        />
        <Field
          id="ai-locality"
          label={p.locality}
          autoComplete="off"
          value={draft.locality}
          onChange={(event) => patch({ locality: event.target.value })}
          error={errors['request.location.locality']}
        />
      </div>
    </section>
  );
}

/** What the person asks the mechanism for. */
export function HelpSection({ draft, patch, errors }: SectionProps) {
  const t = useAssistedT();
  const measures = useOptions('protection_measure');
  return (
    <section className="form-section" aria-labelledby="ai-help-title">
      <h2 id="ai-help-title">{t.help.title}</h2>
      <CheckboxGroup
        id="ai-help"
        legend={t.help.measures}
        options={measures}
        values={draft.helpMeasures}
        onChange={(values) => patch({ helpMeasures: values })}
        error={errorAt(errors, 'request.help.measures')}
      />
      <Field
        id="ai-help-other"
        label={t.help.other}
        autoComplete="off"
        value={draft.helpOther}
        onChange={(event) => patch({ helpOther: event.target.value })}
        error={errors['request.help.other']}
      />
    </section>
  );
}
