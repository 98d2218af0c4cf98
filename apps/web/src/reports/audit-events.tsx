import type { AuditEventView } from '@mnpddh/shared';
import { useLocale } from '../i18n/i18n-context';
import { format, formatDateTime } from '../dashboard/format';
import { ErrorSummary } from '../dashboard/forms/error-summary';
import { Loading } from '../dashboard/require-session';
import { AuditFiltersForm, useAuditFilters } from './audit-filters';
import { ExportButtons } from './export-buttons';
import { useReportsT } from './i18n';
import { useNumber } from './labels';
import { useReportsApi } from './reports-api';
import { useLoad } from './use-load';

const PAGE_SIZE = 50;

/** The events, newest as the API orders them, filtered and paged; CSV and JSON export of the same filters. */
export function AuditEvents() {
  const t = useReportsT();
  const number = useNumber();
  const reports = useReportsApi();
  const { filters, page, apply } = useAuditFilters();
  const list = useLoad(JSON.stringify([filters, page]), () => reports.auditEvents(filters, page, PAGE_SIZE));
  const pages = list.value ? Math.max(1, Math.ceil(list.value.total / list.value.pageSize)) : 1;

  return (
    <section className="audit-events" aria-labelledby="audit-events-title">
      <h2 id="audit-events-title">{t.audit.eventsTitle}</h2>
      <AuditFiltersForm filters={filters} onApply={(next) => apply(next)} errors={list.error?.fields ?? {}} />
      <div className="no-print">
        <ExportButtons title={t.audit.eventsTitle} run={(chosen, onProgress) => reports.exportAudit(chosen, filters, onProgress)} />
        <p className="field__hint">{t.export.audited}</p>
      </div>
      <div aria-busy={!list.value && !list.error}>
        {list.value ? (
          <>
            <p role="status" className="audit-events__total">
              {format(list.value.total === 1 ? t.audit.totalOne : t.audit.total, { n: number(list.value.total) })}
            </p>
            {list.value.items.length === 0 ? (
              <p>{t.audit.empty}</p>
            ) : (
              <EventTable items={list.value.items} onActor={(actorId) => apply({ ...filters, actorId })} />
            )}
            {pages > 1 ? (
              <nav className="pager" aria-label={t.audit.pagination}>
                <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => apply(filters, page - 1)}>
                  {t.audit.previous}
                </button>
                <span>{format(t.audit.pageOf, { page, pages })}</span>
                <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => apply(filters, page + 1)}>
                  {t.audit.next}
                </button>
              </nav>
            ) : null}
          </>
        ) : list.error ? (
          <>
            <ErrorSummary errors={list.error} fieldIds={{ action: 'audit-action', actorId: 'audit-actor', from: 'audit-from', to: 'audit-to' }} />
            <button type="button" className="button" onClick={list.reload}>
              {t.audit.retry}
            </button>
          </>
        ) : (
          <Loading label={t.audit.loading} />
        )}
      </div>
    </section>
  );
}

function EventTable({ items, onActor }: { items: AuditEventView[]; onActor: (actorId: string) => void }) {
  const t = useReportsT();
  const [locale] = useLocale();
  return (
    <div className="table-scroll" role="region" aria-label={t.audit.tableLabel} tabIndex={0}>
      <table className="stat-table audit-table">
        <caption className="visually-hidden">{t.audit.tableLabel}</caption>
        <thead>
          <tr>
            <th scope="col">{t.audit.seq}</th>
            <th scope="col">{t.audit.when}</th>
            <th scope="col">{t.audit.what}</th>
            <th scope="col">{t.audit.who}</th>
            <th scope="col">{t.audit.target}</th>
            <th scope="col">{t.audit.details}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((event) => (
            <tr key={event.seq} role="row">
              <td role="cell" className="audit-table__seq">
                <Label text={t.audit.seq} />
                {event.seq}
              </td>
              <td role="cell">
                <Label text={t.audit.when} />
                {formatDateTime(event.at, locale)}
              </td>
              <th scope="row" role="rowheader">
                <Label text={t.audit.what} />
                {t.actions[event.action] ?? event.action}
              </th>
              <td role="cell">
                <Label text={t.audit.who} />
                {event.actorId ? (
                  <>
                    <button
                      type="button"
                      className="link-button audit-table__actor"
                      aria-label={format(t.audit.onlyThisActor, { name: event.actorName ?? event.actorId })}
                      onClick={() => onActor(event.actorId as string)}
                    >
                      {event.actorName ?? event.actorId}
                    </button>
                    <SecondPerson event={event} />
                  </>
                ) : (
                  <span className="muted">{t.audit.system}</span>
                )}
              </td>
              <td role="cell" className="audit-table__code">
                <Label text={t.audit.target} />
                {event.targetType ? `${event.targetType}${event.targetId ? ` ${event.targetId}` : ''}` : '—'}
              </td>
              <td role="cell" className="audit-table__code">
                <Label text={t.audit.details} />
                {detailsText(event.details)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The column's name, shown only when the table becomes cards on a phone.
 * Hidden from screen readers: the explicit table roles keep the header row
 * tied to each cell even when the cells are laid out as blocks.
 */
function Label({ text }: { text: string }) {
  const t = useReportsT();
  return (
    <span className="audit-table__label" aria-hidden="true">
      {text}
      {t.colon}
    </span>
  );
}

/** An act two people made (a custodian operation, a drastic act): the one who asked, beside the one who completed it. */
function SecondPerson({ event }: { event: AuditEventView }) {
  const t = useReportsT();
  const { requestedBy, requestedByName } = event.details;
  if (typeof requestedByName !== 'string' || !requestedByName || requestedBy === event.actorId) return null;
  return <span className="audit-table__second">{format(t.audit.secondPerson, { name: requestedByName })}</span>;
}

/** Details are facts only (ids, counts, codes): shown as key=value. */
function detailsText(details: Record<string, unknown>): string {
  const entries = Object.entries(details);
  if (entries.length === 0) return '—';
  return entries.map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ');
}
