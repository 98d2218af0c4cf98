import { AUDIT_ACTIONS } from '@mnpddh/shared';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField } from '../dashboard/case-work/fields';
import { Field } from '../dashboard/forms/field';
import { useReportsT } from './i18n';
import type { AuditFilters } from './reports-api';

const KEYS = ['action', 'actorId', 'from', 'to'] as const;

/** The audit filters and page live in the address (Back works, a link can be shared). */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(() => {
    const found: AuditFilters = {};
    for (const key of KEYS) {
      const value = params.get(key);
      if (value) found[key] = value;
    }
    return found;
  }, [params]);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const apply = useCallback(
    (next: AuditFilters, nextPage = 1) => {
      const search = new URLSearchParams();
      for (const key of KEYS) if (next[key]) search.set(key, next[key] as string);
      if (nextPage > 1) search.set('page', String(nextPage));
      setParams(search);
    },
    [setParams],
  );
  return { filters, page, apply };
}

interface Props {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  errors: Record<string, string>;
}

/** Event type, person, dates. */
export function AuditFiltersForm({ filters, onApply, errors }: Props) {
  const t = useReportsT();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (key: keyof AuditFilters) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value.trim() }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const actions = [...AUDIT_ACTIONS].sort((a, b) => (t.actions[a] ?? a).localeCompare(t.actions[b] ?? b));

  return (
    <form className="report-filters" onSubmit={submit} aria-labelledby="audit-filters-title" noValidate>
      <h3 id="audit-filters-title" className="report-filters__title">
        {t.audit.filtersTitle}
      </h3>
      <div className="report-filters__row">
        <SelectField id="audit-action" label={t.audit.action} value={draft.action ?? ''} error={errors.action} onChange={set('action')}>
          <option value="">{t.audit.anyAction}</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {t.actions[action] ?? action}
            </option>
          ))}
        </SelectField>
        <Field
          id="audit-actor"
          label={t.audit.actor}
          hint={t.audit.actorHint}
          value={draft.actorId ?? ''}
          error={errors.actorId}
          spellCheck={false}
          autoComplete="off"
          onChange={set('actorId')}
        />
        <Field id="audit-from" type="date" label={t.audit.from} value={draft.from ?? ''} error={errors.from} onChange={set('from')} />
        <Field id="audit-to" type="date" label={t.audit.to} value={draft.to ?? ''} error={errors.to} onChange={set('to')} />
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t.audit.apply}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onApply({})}>
          {t.audit.reset}
        </button>
      </div>
    </form>
  );
}
