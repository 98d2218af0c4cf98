import { CASE_STATUSES, RISK_LEVELS, type ReferenceListName } from '@mnpddh/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../forms/field';
import { SelectField } from '../case-work/fields';
import { useReferenceList } from '../reference/use-reference';
import type { FilterKey, Filters } from './case-filters-state';
import { useCasesT } from './i18n';

const MORE: readonly FilterKey[] = ['receivedFrom', 'receivedTo', 'region', 'threatType', 'profile', 'language'];

/**
 * The filter bar: the four everyday filters in view, the rest behind "Plus
 * de filtres" (open when one of them is set). Submitting writes the address.
 */
export function CaseFilters({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const t = useCasesT();
  const [draft, setDraft] = useState<Filters>(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (key: FilterKey) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const reset = () => onApply(filters.channel ? { channel: filters.channel } : {});
  const moreOpen = MORE.some((key) => filters[key]);

  return (
    <form className="case-filters" onSubmit={submit} aria-labelledby="case-filters-title">
      <h2 id="case-filters-title" className="visually-hidden">
        {t.list.filtersTitle}
      </h2>
      <div className="case-filters__row">
        <SelectField id="filter-status" label={t.list.status} value={draft.status ?? ''} onChange={set('status')}>
          <option value="">{t.list.any}</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t.status[status]}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-risk" label={t.list.risk} value={draft.riskLevel ?? ''} onChange={set('riskLevel')}>
          <option value="">{t.list.any}</option>
          {RISK_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t.riskShort[level]}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-urgent" label={t.list.urgency} value={draft.urgent ?? ''} onChange={set('urgent')}>
          <option value="">{t.list.urgencyAny}</option>
          <option value="true">{t.list.urgencyYes}</option>
          <option value="false">{t.list.urgencyNo}</option>
        </SelectField>
        <SelectField id="filter-assignment" label={t.list.assignment} value={draft.assignment ?? ''} onChange={set('assignment')}>
          <option value="">{t.list.assignmentAny}</option>
          <option value="mine">{t.list.assignmentMine}</option>
          <option value="anyone">{t.list.assignmentAnyone}</option>
          <option value="unassigned">{t.list.assignmentUnassigned}</option>
        </SelectField>
      </div>
      <details className="case-filters__more" open={moreOpen}>
        <summary>{t.list.moreFilters}</summary>
        <div className="case-filters__row">
          <Field id="filter-from" type="date" label={t.list.from} value={draft.receivedFrom ?? ''} onChange={set('receivedFrom')} />
          <Field id="filter-to" type="date" label={t.list.to} value={draft.receivedTo ?? ''} onChange={set('receivedTo')} />
          <ReferenceSelect id="filter-region" list="region" label={t.list.region} value={draft.region} onChange={set('region')} />
          <ReferenceSelect id="filter-threat" list="threat_type" label={t.list.threatType} value={draft.threatType} onChange={set('threatType')} />
          <ReferenceSelect id="filter-profile" list="defender_profile" label={t.list.profile} value={draft.profile} onChange={set('profile')} />
          <ReferenceSelect id="filter-language" list="language" label={t.list.language} value={draft.language} onChange={set('language')} />
        </div>
      </details>
      <div className="button-row">
        <button type="submit" className="button button--small">
          {t.list.apply}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={reset}>
          {t.list.reset}
        </button>
      </div>
    </form>
  );
}

function ReferenceSelect({
  id,
  list,
  label,
  value,
  onChange,
}: {
  id: string;
  list: ReferenceListName;
  label: string;
  value: string | undefined;
  onChange: (event: { target: { value: string } }) => void;
}) {
  const t = useCasesT();
  const { items, label: labelOf } = useReferenceList(list);
  // A value in the address that the list no longer offers still shows (by its label, or its code).
  const missing = value && !items.some((item) => item.code === value);
  return (
    <SelectField id={id} label={label} value={value ?? ''} onChange={onChange}>
      <option value="">{t.list.any}</option>
      {items.map((item) => (
        <option key={item.code} value={item.code}>
          {labelOf(item.code)}
        </option>
      ))}
      {missing ? <option value={value}>{labelOf(value)}</option> : null}
    </SelectField>
  );
}
