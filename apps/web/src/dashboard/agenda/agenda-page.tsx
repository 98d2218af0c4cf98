import type { AgendaItem } from '@mnpddh/shared';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { useCasesT } from '../cases/i18n';
import { useNow } from '../cases/use-now';
import { longDay, relativeDeadline } from '../cases/when';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { Loading } from '../require-session';
import { grouped } from './agenda-groups';
import { useAgendaT } from './i18n';
import { useAgenda } from './use-agenda';
import './agenda.css';

/**
 * /personnel/agenda — "Mon agenda": what is due on the cases assigned to me,
 * under "en retard", "aujourd'hui", "demain", "cette semaine", "plus tard".
 * Each line says the case reference, what is due and when; nothing else of
 * the case. One column: it reads the same on a 360 px phone.
 */
export function AgendaPage() {
  const t = useAgendaT();
  const now = useNow();
  const { agenda, error, reload } = useAgenda();

  return (
    <div className="agenda-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {agenda ? (
        <>
          {agenda.unreadable.map((item) => (
            <p key={item.caseId} className="agenda-warning" role="status">
              {format(t.unreadable, { reference: item.reference })}
            </p>
          ))}
          {agenda.items.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            grouped(agenda.items, now).map(([group, items]) => (
              <section key={group} aria-labelledby={`agenda-${group}`} className="agenda-group">
                <h2 id={`agenda-${group}`}>{t.groups[group]}</h2>
                <ul className="agenda-list" aria-labelledby={`agenda-${group}`}>
                  {items.map((item) => (
                    <AgendaLine key={`${item.caseId}:${item.kind}:${item.at}`} item={item} now={now} />
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      ) : error ? (
        <>
          <ErrorSummary errors={error} fieldIds={{}} />
          <button type="button" className="button" onClick={reload}>
            {t.retry}
          </button>
        </>
      ) : (
        <Loading label={t.loading} />
      )}
    </div>
  );
}

function AgendaLine({ item, now }: { item: AgendaItem; now: number }) {
  const t = useAgendaT();
  const ct = useCasesT();
  const [locale] = useLocale();
  return (
    <li className={item.overdue ? 'agenda-item agenda-item--overdue' : 'agenda-item'}>
      <Link to={`/personnel/dossiers/${item.caseId}`} className="agenda-item__case">
        {format(t.caseTitle, { reference: item.reference })}
      </Link>
      <span className="agenda-item__kind">
        {t.kinds[item.kind]}
        {item.assignedToMe ? null : <span className="agenda-item__held">{t.heldNotAssigned}</span>}
      </span>
      <span className="agenda-item__when">
        {longDay(item.day, locale)} · {relativeDeadline(item.at, ct, now)}
      </span>
    </li>
  );
}
