import type { ReferenceListName } from '@mnpddh/shared';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { Checkbox, Field } from '../forms/field';
import { format } from '../format';
import { useStaffSession } from '../session';
import { checkCode, checkItem, problemsFrom, type ItemProblems } from './reference-input';
import { useReferenceT } from './reference-strings';

interface Props {
  list: ReferenceListName;
  /** Codes already in the list (active or retired): a code is never reused. */
  taken: readonly string[];
  /** Where a new item goes by default: after the last one. */
  nextPosition: number;
  onAdded: () => void;
}

/** A new item: its code (never changed afterwards) and its labels. */
export function ReferenceAdd({ list, taken, nextPosition, onAdded }: Props) {
  const t = useReferenceT();
  const { api } = useStaffSession();
  const [code, setCode] = useState('');
  const [labelFr, setLabelFr] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const [uncertain, setUncertain] = useState(false);
  const [position, setPosition] = useState('');
  const [problems, setProblems] = useState<ItemProblems>({});
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const id = (name: string) => `ref-add-${name}`;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const codeProblem = checkCode(code.trim(), taken, t);
    const checked = checkItem({ labelFr, labelEn, uncertain, active: true, position: position || String(nextPosition) }, t);
    if (codeProblem || !checked.ok) {
      const found = { ...(checked.ok ? {} : checked.problems), ...(codeProblem ? { code: codeProblem } : {}) };
      setProblems(found);
      setMessage('');
      document.getElementById(id((Object.keys(found)[0] ?? 'code').toLowerCase()))?.focus();
      return;
    }
    setSaving(true);
    try {
      await api.saveReferenceItem(list, code.trim(), checked.input);
      setMessage(format(t.added, { code: code.trim() }));
      setProblems({});
      setCode('');
      setLabelFr('');
      setLabelEn('');
      setUncertain(false);
      setPosition('');
      onAdded();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setProblems(problemsFrom(apiError?.fields ?? []));
      setMessage(apiError?.message ?? String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="ref-add" aria-labelledby="ref-add-title">
      <h2 id="ref-add-title">{t.addTitle}</h2>
      <p className="form-help">{t.addIntro}</p>
      <form className="form" noValidate autoComplete="off" onSubmit={(event) => void add(event)}>
        <Field
          id={id('code')}
          label={t.code}
          hint={t.codeHint}
          className="field__input--code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={problems.code}
        />
        <div className="form__pair">
          <Field
            id={id('labelfr')}
            label={t.labelFr}
            lang="fr"
            autoComplete="off"
            value={labelFr}
            onChange={(event) => setLabelFr(event.target.value)}
            error={problems.labelFr}
          />
          <Field
            id={id('labelen')}
            label={t.labelEn}
            lang="en"
            autoComplete="off"
            value={labelEn}
            onChange={(event) => setLabelEn(event.target.value)}
            error={problems.labelEn}
          />
        </div>
        <Field
          id={id('position')}
          label={t.position}
          hint={t.positionHint}
          type="number"
          inputMode="numeric"
          min={0}
          max={10000}
          className="field__input--short"
          autoComplete="off"
          placeholder={String(nextPosition)}
          value={position}
          onChange={(event) => setPosition(event.target.value)}
          error={problems.position}
        />
        {list === 'legal_basis' ? (
          <Checkbox
            id={id('uncertain')}
            label={t.uncertain}
            hint={t.legal}
            autoComplete="off"
            checked={uncertain}
            onChange={(event) => setUncertain(event.target.checked)}
          />
        ) : null}
        <button type="submit" className="button" disabled={saving}>
          {t.add}
        </button>
        <p role="status" className="ref-add__status">
          {message}
        </p>
      </form>
    </section>
  );
}
