import { AGE_GROUPS, DEFENDER_PROFILES, SPOKEN_LANGUAGES } from '@mnpddh/shared';
import { CheckboxGroup, optionsOf, RadioGroup, TextField } from '../form/fields';
import type { Patch } from '../form/options';
import { useFocusLater } from '../form/use-focus-later';
import { fieldId, type FieldErrors } from '../form/field-errors';
import { format, useIntakeT } from '../i18n/catalogues';
import { emptyOther, type AgeGroup, type DetailsDraft, type Disability, type Gender, type OtherRelationship } from './details-draft';

export interface StepProps {
  draft: DetailsDraft;
  onChange: Patch<DetailsDraft>;
  errors: FieldErrors;
}

/** Who asks, and who is in danger: name or nickname, organisation, their work. */
export function WhoStep({ draft, onChange, errors }: StepProps) {
  const t = useIntakeT();
  const w = { ...t.details.who, ...(draft.submitterKind === 'self' ? t.details.whoSelf : {}) };
  return (
    <>
      <RadioGroup
        path="submitter.kind"
        label={w.submitterLegend}
        options={[
          { value: 'self', label: w.self },
          { value: 'third_party', label: w.thirdParty },
        ]}
        value={draft.submitterKind}
        onChange={(submitterKind) => onChange({ submitterKind })}
        error={errors['submitter.kind']}
      />
      {draft.submitterKind === 'third_party' ? (
        <TextField
          path="submitter.relationship"
          label={w.relationshipLabel}
          hint={w.relationshipHint}
          spellCheck={false}
          value={draft.relationship}
          onChange={(relationship) => onChange({ relationship })}
          error={errors['submitter.relationship']}
        />
      ) : null}
      <TextField
        path="defender.name"
        label={w.nameLabel}
        hint={w.nameHint}
        why={w.nameWhy}
        spellCheck={false}
        value={draft.name}
        onChange={(name) => onChange({ name })}
        error={errors['defender.name']}
      />
      <TextField
        path="defender.organisation"
        label={w.organisationLabel}
        spellCheck={false}
        value={draft.organisation}
        onChange={(organisation) => onChange({ organisation })}
        error={errors['defender.organisation']}
      />
      <CheckboxGroup
        path="defender.profiles"
        label={w.profilesLegend}
        hint={w.profilesHint}
        why={format(w.profilesWhy, { gender: draft.gender })}
        columns
        options={optionsOf(DEFENDER_PROFILES, t.labels.profiles)}
        values={draft.profiles}
        onChange={(profiles) => onChange({ profiles })}
        error={errors['defender.profiles']}
      >
        {draft.profiles.includes('other') ? (
          <TextField
            path="defender.profileOther"
            label={w.profileOtherLabel}
            value={draft.profileOther}
            onChange={(profileOther) => onChange({ profileOther })}
            error={errors['defender.profileOther']}
          />
        ) : null}
      </CheckboxGroup>
    </>
  );
}

const GENDER_CHOICES: readonly Gender[] = ['woman', 'man', 'other', 'prefer_not_to_say'];
const AGE_CHOICES: readonly AgeGroup[] = [...AGE_GROUPS, 'unknown'];
const DISABILITY_CHOICES: readonly Disability[] = ['yes', 'no', 'prefer_not_to_say'];

/** Optional facts that adapt the help (and feed anonymous statistics): gender, age, disability, languages. */
export function PersonStep({ draft, onChange, errors }: StepProps) {
  const t = useIntakeT();
  // "Pour moi": the questions speak to the person answering.
  const p = { ...t.details.person, ...(draft.submitterKind === 'self' ? t.details.personSelf : {}) };
  return (
    <>
      <RadioGroup
        path="defender.gender"
        label={p.genderLegend}
        why={p.genderWhy}
        options={optionsOf(GENDER_CHOICES, t.labels.genders)}
        value={draft.gender}
        onChange={(gender) => onChange({ gender })}
        error={errors['defender.gender']}
      />
      <RadioGroup
        path="defender.ageGroup"
        label={p.ageLegend}
        options={optionsOf(AGE_CHOICES, t.labels.ageGroups)}
        value={draft.ageGroup}
        onChange={(ageGroup) => onChange({ ageGroup })}
        error={errors['defender.ageGroup']}
      />
      <RadioGroup
        path="defender.disability"
        label={format(p.disabilityLegend, { gender: draft.gender })}
        why={p.disabilityWhy}
        options={optionsOf(DISABILITY_CHOICES, t.labels.disability)}
        value={draft.disability}
        onChange={(disability) => onChange({ disability })}
        error={errors['defender.disability']}
      />
      <CheckboxGroup
        path="defender.languages"
        label={format(p.languagesLegend, { gender: draft.gender })}
        why={p.languagesWhy}
        columns
        options={optionsOf(SPOKEN_LANGUAGES, t.labels.languages)}
        values={draft.languages}
        onChange={(languages) => onChange({ languages })}
        error={errors['defender.languages']}
      />
    </>
  );
}

const RELATIONSHIPS: readonly OtherRelationship[] = ['family', 'collaborator', 'other'];
const MAX_OTHERS = 10;

/** Family members and collaborators in danger too (Loi n°2018-003, art. 15). */
export function OthersStep({ draft, onChange, errors }: StepProps) {
  const t = useIntakeT();
  const o = t.details.others;
  const focusLater = useFocusLater();
  const addId = fieldId('othersAtRisk-add');

  const update = (index: number, patch: Partial<DetailsDraft['others'][number]>) =>
    onChange({ others: draft.others.map((other, i) => (i === index ? { ...other, ...patch } : other)) });
  const add = () => {
    onChange({ others: [...draft.others, emptyOther()] });
    focusLater(fieldId(`othersAtRisk.${draft.others.length}.name`));
  };
  const remove = (index: number) => {
    onChange({ others: draft.others.filter((_, i) => i !== index) });
    focusLater(addId);
  };

  return (
    <>
      <p>{o.intro}</p>
      {draft.others.length === 0 ? <p className="muted-note">{o.none}</p> : null}
      {draft.others.map((other, index) => (
        <section key={other.key} className="item-card" aria-labelledby={`${fieldId(`othersAtRisk.${index}`)}-title`}>
          <h3 id={`${fieldId(`othersAtRisk.${index}`)}-title`} className="item-card__title">
            {format(o.personTitle, { number: index + 1 })}
          </h3>
          <TextField
            path={`othersAtRisk.${index}.name`}
            label={o.nameLabel}
            spellCheck={false}
            value={other.name}
            onChange={(name) => update(index, { name })}
            error={errors[`othersAtRisk.${index}.name`]}
          />
          <RadioGroup
            path={`othersAtRisk.${index}.relationship`}
            label={o.relationshipLegend}
            options={optionsOf(RELATIONSHIPS, t.labels.othersRelationship)}
            value={other.relationship}
            onChange={(relationship) => update(index, { relationship })}
            error={errors[`othersAtRisk.${index}.relationship`]}
          />
          <TextField
            path={`othersAtRisk.${index}.details`}
            label={o.detailsLabel}
            rows={3}
            value={other.details}
            onChange={(details) => update(index, { details })}
            error={errors[`othersAtRisk.${index}.details`]}
          />
          <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
            {format(o.remove, { number: index + 1 })}
          </button>
        </section>
      ))}
      {draft.others.length < MAX_OTHERS ? (
        <button id={addId} type="button" className="button button--secondary" onClick={add}>
          {o.add}
        </button>
      ) : null}
    </>
  );
}
