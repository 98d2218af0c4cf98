import { CASE_STATUSES } from '@mnpddh/shared';
import { Link } from 'react-router';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { Loading } from '../require-session';
import { CaseFilters } from './case-filters';
import { PAGE_SIZE, searchOf, useCaseFilters, type Filters } from './case-filters-state';
import { CaseTable } from './case-table';
import { useCasesT } from './i18n';
import { useCaseList } from './use-case-list';
import { useNow } from './use-now';
import { useStaffSession } from '../session';
import { useReassignmentT } from '../reassignment/i18n';

/** /personnel/dossiers: every case the person holds, urgent and overdue first (the API sorts), filters in the address. */
export function CaseListPage() {
  const t = useCasesT();
  const reassignmentT = useReassignmentT();
  const { filters, page, apply, goToPage } = useCaseFilters();
  const { list, error, reload } = useCaseList(filters, page, PAGE_SIZE);
  const now = useNow();
  const { user } = useStaffSession();
  const callbackQueue = filters.channel === 'callback_request';
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;

  return (
    <>
      <h1 id="case-list-title">{callbackQueue ? t.list.callbackTitle : t.list.title}</h1>
      <p className="lead">{callbackQueue ? t.list.callbackLead : t.list.lead}</p>
      <nav aria-label={t.list.queues}>
        <ul className="queue-tabs">
          <QueueTab filters={{}} current={!callbackQueue}>
            {t.list.allCases}
          </QueueTab>
          <QueueTab filters={{ channel: 'callback_request' }} current={callbackQueue}>
            {t.list.callbackQueue}
          </QueueTab>
        </ul>
      </nav>

      <CaseFilters filters={filters} onApply={apply} />
      {user?.roles.includes('supervisor') ? (
        <p>
          {/* A download (attachment, no-store) of the list as filtered: a plain link, never fetched into the page. */}
          <a className="button button--secondary button--small" href={`/api/cases/export?${searchOf(filters).toString()}`} download>
            {t.list.exportCsv}
          </a>{' '}
          <Link className="button button--secondary button--small" to="/personnel/dossiers/reattribution">
            {reassignmentT.listLink}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="case-list-title" aria-busy={!list && !error}>
        {list ? (
          <>
            <p className="case-counts" role="status">
              <strong>{format(t.list.total, { n: list.total })}</strong>
              <span className={list.counts.urgent > 0 ? 'case-counts__alarm' : undefined}>{format(t.list.countsUrgent, { n: list.counts.urgent })}</span>
              <span className={list.counts.overdue > 0 ? 'case-counts__alarm' : undefined}>{format(t.list.countsOverdue, { n: list.counts.overdue })}</span>
              {CASE_STATUSES.filter((status) => (list.counts.byStatus[status] ?? 0) > 0).map((status) => (
                <span key={status} className="case-counts__status">
                  {t.status[status]}
                  {t.colon}
                  {list.counts.byStatus[status]}
                </span>
              ))}
            </p>
            {list.items.length === 0 ? <p>{t.list.empty}</p> : <CaseTable items={list.items} now={now} captionId="case-list-title" />}
            {pages > 1 ? (
              <nav className="pager" aria-label={t.list.pagination}>
                <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => goToPage(page - 1)}>
                  {t.list.previous}
                </button>
                <span>{format(t.list.pageOf, { page, pages })}</span>
                <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => goToPage(page + 1)}>
                  {t.list.next}
                </button>
              </nav>
            ) : null}
          </>
        ) : error ? (
          <>
            <ErrorSummary errors={error} fieldIds={{}} />
            <button type="button" className="button" onClick={reload}>
              {t.list.retry}
            </button>
          </>
        ) : (
          <Loading label={t.list.loading} />
        )}
      </section>
    </>
  );
}

function QueueTab({ filters, current, children }: { filters: Filters; current: boolean; children: string }) {
  const search = searchOf(filters).toString();
  return (
    <li>
      <Link to={`/personnel/dossiers${search ? `?${search}` : ''}`} className="queue-tabs__link" aria-current={current ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}
