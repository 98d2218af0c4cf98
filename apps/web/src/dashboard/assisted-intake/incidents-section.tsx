import { Checkbox, Field } from '../forms/field';
import { format } from '../format';
import { CheckboxGroup, TextArea, type Option } from './choices';
import { newIncident, type IncidentDraft } from './draft';
import { errorAt, incidentId } from './field-ids';
import { useOptions } from './options';
import type { SectionProps } from './section-props';
import { useAssistedT } from './strings';

/** The schema's limit on incidents per request. */
const MAX_INCIDENTS = 10;

/** Threat types for which the place of detention matters (DOMAIN.md: the CNDH may visit at once). */
const DETENTION_TYPES = new Set(['arrest', 'abduction_disappearance', 'arbitrary_detention']);

/** The incidents, one fieldset each; the detention questions show for an arrest, abduction or detention. */
export function IncidentsSection({ draft, patch, errors }: SectionProps) {
  const t = useAssistedT();
  const threats = useOptions('threat_type');
  const perpetrators = useOptions('perpetrator_type');
  const change = (index: number, changes: Partial<IncidentDraft>) =>
    patch({ incidents: draft.incidents.map((incident, at) => (at === index ? { ...incident, ...changes } : incident)) });
  const remove = (index: number) => patch({ incidents: draft.incidents.filter((_, at) => at !== index) });

  return (
    <section className="form-section" aria-labelledby="ai-incidents-title">
      <h2 id="ai-incidents-title">{t.incidents.title}</h2>
      <p className="form-help">{t.incidents.intro}</p>
      {draft.incidents.map((incident, index) => (
        <IncidentFields
          key={incident.key}
          index={index}
          incident={incident}
          threats={threats}
          perpetrators={perpetrators}
          errors={errors}
          detainedNow={draft.detainedOrMissing === 'yes'}
          onChange={(changes) => change(index, changes)}
          onRemove={() => remove(index)}
        />
      ))}
      {draft.incidents.length < MAX_INCIDENTS ? (
        <button type="button" className="button button--secondary" onClick={() => patch({ incidents: [...draft.incidents, newIncident()] })}>
          {t.incidents.add}
        </button>
      ) : null}
    </section>
  );
}

interface IncidentProps {
  index: number;
  incident: IncidentDraft;
  threats: Option[];
  perpetrators: Option[];
  errors: Record<string, string>;
  /** Someone is detained or missing now: the detention questions show whatever the types. */
  detainedNow: boolean;
  onChange: (changes: Partial<IncidentDraft>) => void;
  onRemove: () => void;
}

function IncidentFields({ index, incident, threats, perpetrators, errors, detainedNow, onChange, onRemove }: IncidentProps) {
  const t = useAssistedT();
  const i = t.incidents;
  const at = (field: string) => `request.incidents.${index}.${field}`;
  const id = (field: string) => incidentId(index, field);
  const detention = detainedNow || incident.types.some((type) => DETENTION_TYPES.has(type));
  return (
    <fieldset className="incident">
      <legend className="incident__legend">{format(i.legend, { n: index + 1 })}</legend>
      <CheckboxGroup
        id={id('types')}
        legend={i.types}
        options={threats}
        values={incident.types}
        onChange={(types) => onChange({ types })}
        error={errorAt(errors, at('types'))}
      />
      <div className="form-section__pair">
        <div className="incident__when">
          <Field
            id={id('date')}
            label={i.date}
            hint={i.dateHint}
            type="date"
            autoComplete="off"
            max={new Date().toISOString().slice(0, 10)}
            value={incident.date}
            onChange={(event) => onChange({ date: event.target.value })}
            error={errorAt(errors, at('when'))}
          />
          <Checkbox
            id={id('approximate')}
            label={i.approximate}
            autoComplete="off"
            checked={incident.approximate}
            onChange={(event) => onChange({ approximate: event.target.checked })}
          />
        </div>
        <Field
          id={id('place')}
          label={i.place}
          autoComplete="off"
          value={incident.place}
          onChange={(event) => onChange({ place: event.target.value })}
          error={errors[at('place')]}
        />
      </div>
      <CheckboxGroup
        id={id('perpetrators')}
        legend={i.perpetrators}
        options={perpetrators}
        values={incident.perpetrators}
        onChange={(values) => onChange({ perpetrators: values })}
        error={errorAt(errors, at('perpetrators'))}
      />
      {detention ? (
        <div className="incident__detention">
          <p className="form-help">{i.heldHint}</p>
          <Field
            id={id('last-seen')}
            label={i.lastSeenPlace}
            autoComplete="off"
            value={incident.lastSeenPlace}
            onChange={(event) => onChange({ lastSeenPlace: event.target.value })}
            error={errors[at('lastSeenPlace')]}
          />
          <TextArea
            id={id('taken-by')}
            label={i.takenBy}
            rows={3}
            value={incident.takenBy}
            onChange={(event) => onChange({ takenBy: event.target.value })}
            error={errors[at('takenBy')]}
          />
          <Field
            id={id('held-at')}
            label={i.believedHeldAt}
            autoComplete="off"
            value={incident.believedHeldAt}
            onChange={(event) => onChange({ believedHeldAt: event.target.value })}
            error={errors[at('believedHeldAt')]}
          />
        </div>
      ) : null}
      <TextArea
        id={id('description')}
        label={i.description}
        rows={4}
        value={incident.description}
        onChange={(event) => onChange({ description: event.target.value })}
        error={errors[at('description')]}
      />
      <button type="button" className="button button--small button--danger-outline" onClick={onRemove}>
        {format(i.remove, { n: index + 1 })}
      </button>
    </fieldset>
  );
}
