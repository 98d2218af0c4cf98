import { PERPETRATOR_TYPES, REGIONS, THREAT_TYPES } from '@mnpddh/shared';
import { Checkbox, CheckboxGroup, optionsOf, RadioGroup, SelectField, TextField } from '../form/fields';
import { tristateOptions } from '../form/options';
import { useFocusLater } from '../form/use-focus-later';
import { fieldId } from '../form/field-errors';
import { format, useIntakeT } from '../i18n/catalogues';
import { emptyIncident, isDetention, type IncidentDraft } from './details-draft';
import type { StepProps } from './who-steps';

/** Where the person in danger is now: a region of the list (or outside Mali) and a locality. */
export function WhereStep({ draft, onChange, errors }: StepProps) {
  const t = useIntakeT();
  const w = t.details.where;
  return (
    <>
      <SelectField
        path="location.region"
        label={w.regionLabel}
        hint={w.regionHint}
        why={w.regionWhy}
        options={optionsOf(REGIONS, t.labels.regions)}
        emptyLabel={w.regionNone}
        value={draft.region}
        onChange={(region) => onChange({ region })}
        error={errors['location.region']}
      />
      <TextField
        path="location.locality"
        label={w.localityLabel}
        spellCheck={false}
        value={draft.locality}
        onChange={(locality) => onChange({ locality })}
        error={errors['location.locality']}
      />
    </>
  );
}

const MAX_INCIDENTS = 10;

/** Today in Bamako (UTC+0 all year): the latest date the schema accepts. */
const today = () => new Date().toISOString().slice(0, 10);

/** What happened, one event at a time; for an arrest, abduction or detention, the facts that let the CNDH visit at once. */
export function IncidentsStep({ draft, onChange, errors }: StepProps) {
  const t = useIntakeT();
  const i18n = t.details.incidents;
  const focusLater = useFocusLater();
  const addId = fieldId('incidents-add');

  const update = (index: number, patch: Partial<IncidentDraft>) =>
    onChange({ incidents: draft.incidents.map((incident, i) => (i === index ? { ...incident, ...patch } : incident)) });
  const add = () => {
    onChange({ incidents: [...draft.incidents, emptyIncident()] });
    focusLater(`${fieldId(`incidents.${draft.incidents.length}.types`)}-${THREAT_TYPES[0]}`);
  };
  const remove = (index: number) => {
    onChange({ incidents: draft.incidents.filter((_, i) => i !== index) });
    focusLater(addId);
  };

  return (
    <>
      <p>{i18n.intro}</p>
      {draft.incidents.map((incident, index) => {
        const at = (field: string) => `incidents.${index}.${field}`;
        const titleId = `${fieldId(at('title'))}`;
        return (
          <section key={incident.key} className="item-card" aria-labelledby={titleId}>
            <h3 id={titleId} className="item-card__title">
              {format(i18n.incidentTitle, { number: index + 1 })}
            </h3>
            <CheckboxGroup
              path={at('types')}
              label={i18n.typesLegend}
              hint={i18n.typesHint}
              columns
              options={optionsOf(THREAT_TYPES, t.labels.threats)}
              values={incident.types}
              onChange={(types) => update(index, { types })}
              error={errors[at('types')]}
            />
            {isDetention(incident) ? (
              <fieldset className="subsection">
                <legend className="subsection__title">{i18n.detentionTitle}</legend>
                <p className="question__why question__why--block">
                  {t.common.why} {i18n.detentionWhy}
                </p>
                <TextField
                  path={at('lastSeenPlace')}
                  label={i18n.lastSeenLabel}
                  spellCheck={false}
                  value={incident.lastSeenPlace}
                  onChange={(lastSeenPlace) => update(index, { lastSeenPlace })}
                  error={errors[at('lastSeenPlace')]}
                />
                <TextField
                  path={at('takenBy')}
                  label={i18n.takenByLabel}
                  hint={i18n.takenByHint}
                  rows={4}
                  spellCheck={false}
                  value={incident.takenBy}
                  onChange={(takenBy) => update(index, { takenBy })}
                  error={errors[at('takenBy')]}
                />
                <TextField
                  path={at('believedHeldAt')}
                  label={i18n.heldAtLabel}
                  spellCheck={false}
                  value={incident.believedHeldAt}
                  onChange={(believedHeldAt) => update(index, { believedHeldAt })}
                  error={errors[at('believedHeldAt')]}
                />
              </fieldset>
            ) : null}
            <div className="field-pair">
              <TextField
                path={at('when.date')}
                label={i18n.dateLabel}
                hint={i18n.dateHint}
                type="date"
                max={today()}
                value={incident.date}
                onChange={(date) => update(index, { date })}
                error={errors[at('when.date')] ?? errors[at('when')]}
              />
              <TextField
                path={at('when.time')}
                label={i18n.timeLabel}
                type="time"
                value={incident.time}
                onChange={(time) => update(index, { time })}
                error={errors[at('when.time')]}
              />
            </div>
            <Checkbox
              path={at('when.approximate')}
              label={i18n.approximateLabel}
              checked={incident.approximate}
              onChange={(approximate) => update(index, { approximate })}
            />
            <SelectField
              path={at('region')}
              label={i18n.regionLabel}
              hint={i18n.regionHint}
              options={optionsOf(REGIONS, t.labels.regions)}
              emptyLabel={i18n.regionNone}
              value={incident.region}
              onChange={(region) => update(index, { region })}
              error={errors[at('region')]}
            />
            <TextField
              path={at('place')}
              label={i18n.placeLabel}
              hint={i18n.placeHint}
              spellCheck={false}
              value={incident.place}
              onChange={(place) => update(index, { place })}
              error={errors[at('place')]}
            />
            <CheckboxGroup
              path={at('perpetrators')}
              label={i18n.perpetratorsLegend}
              hint={i18n.perpetratorsHint}
              options={optionsOf(PERPETRATOR_TYPES, t.labels.perpetrators)}
              values={incident.perpetrators}
              onChange={(perpetrators) => update(index, { perpetrators })}
              error={errors[at('perpetrators')]}
            />
            <TextField
              path={at('description')}
              label={i18n.descriptionLabel}
              rows={6}
              value={incident.description}
              onChange={(description) => update(index, { description })}
              error={errors[at('description')]}
            />
            <RadioGroup
              path={at('ongoing')}
              label={i18n.ongoingLegend}
              options={tristateOptions(t)}
              value={incident.ongoing}
              onChange={(ongoing) => update(index, { ongoing })}
              error={errors[at('ongoing')]}
            />
            {draft.incidents.length > 1 ? (
              <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                {format(i18n.remove, { number: index + 1 })}
              </button>
            ) : null}
          </section>
        );
      })}
      {draft.incidents.length < MAX_INCIDENTS ? (
        <button id={addId} type="button" className="button button--secondary" onClick={add}>
          {i18n.add}
        </button>
      ) : null}
    </>
  );
}
