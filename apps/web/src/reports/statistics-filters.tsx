import { GRANULARITIES, REPORT_DIMENSIONS, type StatisticsQuery } from '@mnpddh/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { SelectField } from '../dashboard/case-work/fields';
import { Field } from '../dashboard/forms/field';
import { useReportsT } from './i18n';
import { isDimension } from './statistics-query';

interface Props {
  query: StatisticsQuery;
  onApply: (query: StatisticsQuery) => void;
  /** The API's messages per field (from, to, dimension, cross). */
  errors: Record<string, string>;
}

/** Period, grouping, dimension and an optional second one. Submitting writes the address. */
export function StatisticsFilters({ query, onApply, errors }: Props) {
  const t = useReportsT();
  const [draft, setDraft] = useState<StatisticsQuery>(query);
  useEffect(() => setDraft(query), [query]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form className="report-filters" onSubmit={submit} aria-labelledby="statistics-filters-title" noValidate>
      <h2 id="statistics-filters-title" className="report-filters__title">
        {t.statistics.filtersTitle}
      </h2>
      <div className="report-filters__row">
        <Field
          id="stat-from"
          type="month"
          label={t.statistics.from}
          hint={t.statistics.monthHint}
          value={draft.from}
          error={errors.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <Field
          id="stat-to"
          type="month"
          label={t.statistics.to}
          hint={t.statistics.monthHint}
          value={draft.to}
          error={errors.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <SelectField
          id="stat-granularity"
          label={t.statistics.granularity}
          value={draft.granularity}
          error={errors.granularity}
          onChange={(event) => setDraft({ ...draft, granularity: event.target.value as StatisticsQuery['granularity'] })}
        >
          {GRANULARITIES.map((granularity) => (
            <option key={granularity} value={granularity}>
              {t.granularities[granularity]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="stat-dimension"
          label={t.statistics.dimension}
          value={draft.dimension}
          error={errors.dimension}
          onChange={(event) => {
            const dimension = event.target.value;
            if (!isDimension(dimension)) return;
            // A table is never crossed with itself: choosing the crossed dimension drops the cross.
            const { cross, ...rest } = draft;
            setDraft(cross === dimension ? { ...rest, dimension } : { ...draft, dimension });
          }}
        >
          {REPORT_DIMENSIONS.map((dimension) => (
            <option key={dimension} value={dimension}>
              {t.dimensions[dimension]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="stat-cross"
          label={t.statistics.cross}
          value={draft.cross ?? ''}
          error={errors.cross}
          onChange={(event) => {
            const cross = event.target.value;
            const { cross: _previous, ...rest } = draft;
            setDraft(isDimension(cross) ? { ...rest, cross } : rest);
          }}
        >
          <option value="">{t.statistics.noCross}</option>
          {REPORT_DIMENSIONS.filter((dimension) => dimension !== draft.dimension).map((dimension) => (
            <option key={dimension} value={dimension}>
              {t.dimensions[dimension]}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="submit" className="button">
        {t.statistics.show}
      </button>
    </form>
  );
}
