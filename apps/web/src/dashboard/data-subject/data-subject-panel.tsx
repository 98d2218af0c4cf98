import type { CaseDetail } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { DownloadIcon } from '../icons';
import { format, formatDateTime } from '../format';
import { useStaffSession } from '../session';
import { EraseForm } from './erase-form';
import { useDataSubjectT } from './i18n';
import { RequestForm } from './request-form';
import { exportUrl, requestsOf, type RequestEntry } from './requests';
import './data-subject.css';

/**
 * "Demande de la personne concernée": record a request (access,
 * rectification, erasure) with how the person was checked, then answer it —
 * download the person's data, see the correction on the case, or (a
 * supervisor) erase the case for good.
 */
export function DataSubjectPanel({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useDataSubjectT();
  const requests = requestsOf(detail);
  return (
    <>
      <p className="form-help">{t.intro}</p>
      <RequestForm detail={detail} onDone={onDone} />
      <h3>{t.recorded}</h3>
      {requests.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className="work-list dsr-list">
          {requests.map((entry) => (
            <RequestItem key={entry.id} detail={detail} entry={entry} />
          ))}
        </ul>
      )}
    </>
  );
}

function RequestItem({ detail, entry }: { detail: CaseDetail; entry: RequestEntry }) {
  const t = useDataSubjectT();
  const [locale] = useLocale();
  const { user } = useStaffSession();
  const [erasing, setErasing] = useState(false);
  const supervisor = Boolean(user?.roles.includes('supervisor'));
  const { right, verifiedBy, note, correction } = entry.data;
  return (
    <li className="work-list__item">
      <p className="dsr-list__title">
        {format(t.requestLine, { right: t.rightShort[right], date: formatDateTime(entry.at, locale), name: entry.author.name })}
      </p>
      <p className="work-list__facts">{format(t.checkedLine, { check: t.checks[verifiedBy] })}</p>
      {correction ? <p className="prewrap dsr-list__correction">{correction}</p> : null}
      {note ? <p className="prewrap">{note}</p> : null}
      {right === 'access' ? (
        <>
          <a className="button button--secondary dsr-list__download" href={exportUrl(detail.id, entry.id)} download>
            <DownloadIcon />
            <span>{t.download}</span>
          </a>
          <p className="form-help">{t.downloadHint}</p>
        </>
      ) : null}
      {right === 'erasure' && !supervisor ? <p className="dsr-list__pending">{t.pendingErasure}</p> : null}
      {right === 'erasure' && supervisor && !erasing ? (
        <button type="button" className="button button--danger-outline" onClick={() => setErasing(true)}>
          {t.erase}
        </button>
      ) : null}
      {right === 'erasure' && supervisor && erasing ? <EraseForm detail={detail} requestId={entry.id} onCancel={() => setErasing(false)} /> : null}
    </li>
  );
}
