import type { CaseDetail } from '@mnpddh/shared';
import { Link, useParams } from 'react-router';
import { LockIcon } from '../../ui/icons';
import { useCaseWorkT } from '../case-work/i18n';
import { RiskBadge, StatusBadge, UrgencyBadge } from '../cases/badges';
import { useCasesT } from '../cases/i18n';
import { Timeline } from '../cases/timeline';
import { useCase } from '../cases/use-case';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { useReferenceList } from '../reference/use-reference';
import { Loading } from '../require-session';
import { CollectiveBadge } from './collective-form';
import { useCaseLinksT } from './i18n';
import './case-links.css';

/** How many of the latest journal entries and thread messages each column shows. */
const TIMELINE_HEAD = 5;

/**
 * /personnel/dossiers/:id/cote-a-cote/:otherId — two linked cases next to
 * each other (one column on a phone): the request, status, urgency, risk,
 * measures and the latest events of each. Each case is opened (and audited)
 * as on its own page; the address carries ids only.
 */
export function SideBySidePage() {
  const { id = '', otherId = '' } = useParams();
  const t = useCaseLinksT();
  const first = useCase(id);
  const second = useCase(otherId);
  const references = [first.detail?.index.reference, second.detail?.index.reference];

  return (
    <div className="side-by-side-page">
      <p>
        <Link to={`/personnel/dossiers/${id}`} className="side-by-side__back">
          {format(t.sideBySide.back, { reference: references[0] ?? '' })}
        </Link>
      </p>
      <h1>{references[0] && references[1] ? format(t.sideBySide.title, { first: references[0], second: references[1] }) : t.title}</h1>
      <p className="case-logged">
        <LockIcon />
        <span>{t.sideBySide.lead}</span>
      </p>
      <div className="side-by-side">
        {[first, second].map((opened, index) => (
          <section key={index === 0 ? id : otherId} className="side-by-side__case" aria-labelledby={`side-${index}`}>
            {opened.detail ? (
              <CaseColumn detail={opened.detail} headingId={`side-${index}`} />
            ) : opened.error ? (
              <>
                <h2 id={`side-${index}`}>{t.title}</h2>
                <ErrorSummary errors={opened.error} fieldIds={{}} />
              </>
            ) : (
              <>
                <h2 id={`side-${index}`}>{t.title}</h2>
                <Loading label={t.sideBySide.loading} />
              </>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

function CaseColumn({ detail, headingId }: { detail: CaseDetail; headingId: string }) {
  const t = useCaseLinksT();
  const ct = useCasesT();
  const w = useCaseWorkT();
  const measures = useReferenceList('protection_measure');
  const index = detail.index;
  return (
    <>
      <h2 id={headingId}>
        <Link to={`/personnel/dossiers/${detail.id}`}>{format(ct.caseView.title, { reference: index.reference })}</Link>
      </h2>
      <ul className="badges">
        <li>
          <UrgencyBadge urgent={index.urgent} />
        </li>
        <li>
          <StatusBadge status={index.status} />
        </li>
        <li>
          <RiskBadge level={index.riskLevel} />
        </li>
        {detail.collectiveSubject ? (
          <li>
            <CollectiveBadge />
          </li>
        ) : null}
      </ul>
      {detail.collectiveSubject ? (
        <p className="case-links__collective">
          {format(t.collective.current, { kind: t.collective.kinds[detail.collectiveSubject.kind], name: detail.collectiveSubject.name })}
        </p>
      ) : null}
      <h3>{t.sideBySide.request}</h3>
      {detail.narrative ? <p className="narrative prewrap">{detail.narrative}</p> : <p className="muted">{ct.caseView.noNarrative}</p>}
      <h3>{t.sideBySide.measures}</h3>
      {detail.measures.length === 0 ? (
        <p className="muted">{t.sideBySide.noMeasures}</p>
      ) : (
        <ul className="side-by-side__measures">
          {detail.measures.map((measure) => (
            <li key={measure.id}>
              {measures.label(measure.measure)} — {w.measures.statuses[measure.status]}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.sideBySide.latest}</h3>
      <Timeline detail={latestOf(detail)} />
    </>
  );
}

/** The case with only its latest events, so the timeline shows its head. */
function latestOf(detail: CaseDetail): CaseDetail {
  const times = [...detail.entries.map((entry) => entry.at), ...detail.thread.map((message) => message.at)].map(Date.parse).sort((a, b) => b - a);
  const cutoff = times[TIMELINE_HEAD - 1] ?? Number.NEGATIVE_INFINITY;
  return {
    ...detail,
    // Only the head here: no button for older entries.
    olderEntriesBefore: null,
    entries: detail.entries.filter((entry) => Date.parse(entry.at) >= cutoff),
    thread: detail.thread.filter((message) => Date.parse(message.at) >= cutoff),
  };
}
