import type { StatisticsQuery, StatisticsTable } from '@mnpddh/shared';
import { format } from '../dashboard/format';
import { InfoIcon } from '../ui/icons';
import { useReportsT } from './i18n';

interface Props {
  suggestion: NonNullable<StatisticsTable['coarserSuggestion']>;
  query: StatisticsQuery;
  onApply: (query: StatisticsQuery) => void;
}

/** When most cells are hidden, the coarser view the API offers, one click away. */
export function CoarserSuggestion({ suggestion, query, onApply }: Props) {
  const t = useReportsT();
  const parts = [
    suggestion.granularity ? t.granularities[suggestion.granularity].toLowerCase() : null,
    suggestion.dimension ? `${t.statistics.dimension.toLowerCase()} ${t.dimensions[suggestion.dimension].toLowerCase()}` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  const next: StatisticsQuery = {
    ...query,
    ...(suggestion.granularity ? { granularity: suggestion.granularity } : {}),
    ...(suggestion.dimension ? { dimension: suggestion.dimension } : {}),
  };
  if (next.cross === next.dimension) delete next.cross;
  return (
    <div className="notice coarser">
      <InfoIcon />
      <div>
        <p className="coarser__title">{t.statistics.coarserTitle}</p>
        <p>{t.statistics.coarserText}</p>
        <button type="button" className="button button--secondary button--small" onClick={() => onApply(next)}>
          {format(t.statistics.coarserButton, { view: parts.join(t.statistics.coarserJoin) })}
        </button>
      </div>
    </div>
  );
}
