import type { ReferenceItem } from '@mnpddh/shared';
import { Fragment, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { format } from '../format';
import { useStaffSession } from '../session';
import { checkItem, problemsFrom, type ItemFields, type ItemProblems } from './reference-input';
import { useReferenceT } from './reference-strings';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

const fieldsOf = (item: ReferenceItem): ItemFields => ({
  labelFr: item.labelFr,
  labelEn: item.labelEn,
  uncertain: item.uncertain,
  active: item.active,
  position: String(item.position),
});

/**
 * One item, edited in place and saved on its own (a form per row, tied to
 * its inputs by the `form` attribute: a form cannot wrap a table row).
 */
export function ReferenceRow({ item, onSaved }: { item: ReferenceItem; onSaved: () => void }) {
  const t = useReferenceT();
  const { api } = useStaffSession();
  const [fields, setFields] = useState<ItemFields>(() => fieldsOf(item));
  const [problems, setProblems] = useState<ItemProblems>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const base = `ref-${item.list}-${item.code}`;
  const formId = `${base}-form`;
  const statusId = `${base}-status`;
  const codeId = `${base}-code`;
  // Long labels (legal bases) get room to be read whole.
  const [rows] = useState(() => Math.min(5, Math.ceil(Math.max(item.labelFr.length, item.labelEn.length) / 30)));
  const set = (changes: Partial<ItemFields>) => {
    setFields((current) => ({ ...current, ...changes }));
    setStatus({ kind: 'idle' });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkItem(fields, t);
    if (!checked.ok) {
      setProblems(checked.problems);
      setStatus({ kind: 'failed', message: Object.values(checked.problems).join(' ') });
      return;
    }
    setProblems({});
    setStatus({ kind: 'saving' });
    try {
      const saved = await api.saveReferenceItem(item.list, item.code, checked.input);
      setFields(fieldsOf(saved));
      setStatus({ kind: 'saved' });
      onSaved();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setProblems(problemsFrom(apiError?.fields ?? []));
      setStatus({ kind: 'failed', message: apiError?.message ?? String(error) });
    }
  };

  const invalid = (name: keyof ItemProblems) => (problems[name] ? { 'aria-invalid': true as const, 'aria-describedby': statusId } : {});
  const rowClass = ['ref-table__row', fields.active ? '' : 'ref-table__row--retired', fields.uncertain ? 'ref-table__row--uncertain' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <tr className={rowClass}>
      <th scope="row" className="ref-table__code">
        <form id={formId} onSubmit={(event) => void save(event)} noValidate autoComplete="off" />
        <code id={codeId}>{breakAfterUnderscores(item.code)}</code>
        {fields.uncertain ? <span className="badge badge--uncertain">{t.uncertainBadge}</span> : null}
        {fields.active ? null : <span className="badge badge--inactive">{t.retired}</span>}
      </th>
      <td>
        <CellLabel htmlFor={`${base}-fr`} text={t.labelFr} code={item.code} />
        <textarea
          id={`${base}-fr`}
          form={formId}
          rows={rows}
          className="field__input ref-table__text"
          autoComplete="off"
          lang="fr"
          value={fields.labelFr}
          onChange={(event) => set({ labelFr: event.target.value })}
          {...invalid('labelFr')}
        />
      </td>
      <td>
        <CellLabel htmlFor={`${base}-en`} text={t.labelEn} code={item.code} />
        <textarea
          id={`${base}-en`}
          form={formId}
          rows={rows}
          className="field__input ref-table__text"
          autoComplete="off"
          lang="en"
          value={fields.labelEn}
          onChange={(event) => set({ labelEn: event.target.value })}
          {...invalid('labelEn')}
        />
      </td>
      <td className="ref-table__flags">
        <Flag
          id={`${base}-uncertain`}
          form={formId}
          label={t.uncertain}
          describedBy={codeId}
          checked={fields.uncertain}
          onChange={(uncertain) => set({ uncertain })}
        />
        <Flag id={`${base}-active`} form={formId} label={t.active} describedBy={codeId} checked={fields.active} onChange={(active) => set({ active })} />
      </td>
      <td>
        <CellLabel htmlFor={`${base}-position`} text={t.columns.position} code={item.code} />
        <input
          id={`${base}-position`}
          form={formId}
          className="field__input ref-table__position"
          type="number"
          inputMode="numeric"
          min={0}
          max={10000}
          step={1}
          autoComplete="off"
          value={fields.position}
          onChange={(event) => set({ position: event.target.value })}
          {...invalid('position')}
        />
      </td>
      <td className="ref-table__action">
        <button
          type="submit"
          form={formId}
          className="button button--small"
          disabled={status.kind === 'saving'}
          aria-label={format(t.saveOf, { code: item.code })}
        >
          {status.kind === 'saving' ? t.saving : t.save}
        </button>
        <p id={statusId} role="status" className={status.kind === 'failed' ? 'ref-table__status ref-table__status--error' : 'ref-table__status'}>
          {status.kind === 'saved' ? format(t.saved, { code: item.code }) : status.kind === 'failed' ? status.message : ''}
        </p>
      </td>
    </tr>
  );
}

/** Long codes wrap after an underscore, never inside a word. */
function breakAfterUnderscores(code: string) {
  return code.split('_').map((part, index, parts) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 ? (
        <>
          _<wbr />
        </>
      ) : null}
    </Fragment>
  ));
}

/**
 * On a wide screen the column header names the input and the label is for
 * screen readers only; on a narrow one the short text shows. Either way the
 * accessible name says which item ("Libellé français de kidal").
 */
function CellLabel({ htmlFor, text, code }: { htmlFor: string; text: string; code: string }) {
  const t = useReferenceT();
  return (
    <label className="ref-table__label" htmlFor={htmlFor}>
      {text}
      <span className="visually-hidden"> {format(t.ofCode, { code })}</span>
    </label>
  );
}

interface FlagProps {
  id: string;
  form: string;
  label: string;
  describedBy: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

function Flag({ id, form, label, describedBy, checked, onChange }: FlagProps) {
  return (
    <div className="checkbox">
      <input
        id={id}
        form={form}
        type="checkbox"
        className="checkbox__input"
        autoComplete="off"
        aria-describedby={describedBy}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="checkbox__label">
        {label}
      </label>
    </div>
  );
}
