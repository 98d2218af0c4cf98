import { Tristate } from '@mnpddh/shared';
import { Field } from '../forms/field';
import { RadioGroup, TextArea } from './choices';
import { errorAt } from './field-ids';
import { optionsOf } from './options';
import type { SectionProps } from './section-props';
import { useAssistedT } from './strings';

/** What is happening, whether it is urgent, and who is asking. */
export function SituationSection({ draft, patch, errors }: SectionProps) {
  const t = useAssistedT();
  const s = t.situation;
  const tristate = optionsOf(Tristate.options, t.tristate);
  return (
    <section className="form-section" aria-labelledby="ai-situation-title">
      <h2 id="ai-situation-title">{s.title}</h2>
      <TextArea
        id="ai-summary"
        label={`${s.summary} ${t.required}`}
        hint={s.summaryHint}
        rows={6}
        value={draft.summary}
        onChange={(event) => patch({ summary: event.target.value })}
        error={errors['request.summary']}
      />
      <div className="form-section__pair">
        <RadioGroup
          id="ai-detained"
          legend={`${s.detained} ${t.required}`}
          options={tristate}
          value={draft.detainedOrMissing}
          onChange={(detainedOrMissing) => patch({ detainedOrMissing })}
          error={errors['request.rightNow.detainedOrMissing']}
        />
        <RadioGroup
          id="ai-danger"
          legend={`${s.lifeInDanger} ${t.required}`}
          options={tristate}
          value={draft.lifeInDanger}
          onChange={(lifeInDanger) => patch({ lifeInDanger })}
          error={errors['request.rightNow.lifeInDanger']}
        />
      </div>
      <p className="form-help">{s.urgentHint}</p>
      <RadioGroup
        id="ai-submitter"
        legend={`${s.submitter} ${t.optional}`}
        options={optionsOf(['self', 'third_party'] as const, s.submitterOptions)}
        value={draft.submitterKind}
        onChange={(submitterKind) => patch({ submitterKind })}
        error={errorAt(errors, 'request.submitter.kind')}
      />
      {draft.submitterKind === 'third_party' ? (
        <Field
          id="ai-relationship"
          label={`${s.relationship} ${t.optional}`}
          autoComplete="off"
          value={draft.relationship}
          onChange={(event) => patch({ relationship: event.target.value })}
          error={errors['request.submitter.relationship']}
        />
      ) : null}
    </section>
  );
}
