import type { CaseDetail, CaseLinkView } from '@mnpddh/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { RiskBadge, StatusBadge, UrgencyBadge } from '../cases/badges';
import { formatDateTime, format } from '../format';
import { CollectiveForm } from './collective-form';
import { useCaseLinksT } from './i18n';
import { LinkForm, UnlinkForm } from './link-forms';
import './case-links.css';

/**
 * The links of a case: each other case by its reference, what
 * links them and why; its status, urgency and risk only when the caller
 * holds it (the API sends nothing otherwise); a way to see both side by
 * side; and the forms to link, unlink and mark a collective subject.
 */
export function CaseLinksSection({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseLinksT();
  return (
    <>
      {detail.links.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className="case-links">
          {detail.links.map((link) => (
            <LinkCard key={link.linkId} detail={detail} link={link} onDone={onDone} />
          ))}
        </ul>
      )}
      <Panel id="action-link" title={t.form.title}>
        <LinkForm detail={detail} onDone={onDone} />
      </Panel>
      <Panel id="action-collective" title={t.collective.title}>
        <CollectiveForm key={detail.id} detail={detail} onDone={onDone} />
      </Panel>
    </>
  );
}

function LinkCard({ detail, link, onDone }: { detail: CaseDetail; link: CaseLinkView; onDone: () => void }) {
  const t = useCaseLinksT();
  const [locale] = useLocale();
  const reference = link.otherReference;
  const relation =
    link.relation === 'member_of_collective'
      ? format(link.collectiveCaseId === link.otherCaseId ? t.memberOf : t.hasMember, { reference })
      : t.relations[link.relation];
  return (
    <li className="case-link">
      <p className="case-link__head">
        <Link to={`/personnel/dossiers/${link.otherCaseId}`} className="case-link__case">
          {format(t.caseTitle, { reference })}
        </Link>
        <span className="case-link__relation">{relation}</span>
      </p>
      {link.other ? (
        <ul className="badges">
          <li>
            <UrgencyBadge urgent={link.other.urgent} />
          </li>
          <li>
            <StatusBadge status={link.other.status} />
          </li>
          <li>
            <RiskBadge level={link.other.riskLevel} />
          </li>
        </ul>
      ) : (
        <p className="muted">{t.notHeld}</p>
      )}
      <p className="case-link__reason prewrap">
        <strong>{t.reasonLabel}</strong> {link.reason}
      </p>
      <p className="case-link__meta">{format(t.linkedOn, { date: formatDateTime(link.at, locale), name: link.authorName })}</p>
      {link.other ? (
        <p>
          <Link to={`/personnel/dossiers/${detail.id}/cote-a-cote/${link.otherCaseId}`} className="case-link__compare">
            {t.compare}
          </Link>
        </p>
      ) : null}
      <details className="inline-details case-link__unlink">
        <summary>{t.unlink.summary}</summary>
        <UnlinkForm detail={detail} link={link} onDone={onDone} />
      </details>
    </li>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <details id={id} className="action-panel case-links__panel">
      <summary className="action-panel__summary">{title}</summary>
      {/* Closed panels keep their typed text: the form stays mounted. */}
      <div className="action-panel__body">{children}</div>
    </details>
  );
}
