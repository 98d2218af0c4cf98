import type { CaseDetail } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import { InfoIcon } from '../../ui/icons';
import { format, formatDateTime } from '../format';
import { useDataSubjectT } from './i18n';
import { rectificationsOf } from './requests';
import './data-subject.css';

/** The corrections the person asked for, shown above the request they correct (which stays as received). Nothing when there are none. */
export function Rectifications({ detail }: { detail: CaseDetail }) {
  const t = useDataSubjectT();
  const [locale] = useLocale();
  const corrections = rectificationsOf(detail);
  if (corrections.length === 0) return null;
  return (
    <div className="dsr-rectifications" role="note" aria-labelledby="dsr-rectifications-title">
      <p id="dsr-rectifications-title" className="dsr-rectifications__title">
        <InfoIcon />
        <span>{t.rectificationsTitle}</span>
      </p>
      <p className="form-help">{t.rectificationsIntro}</p>
      <ul className="plain-list">
        {corrections.map((entry) => (
          <li key={entry.id}>
            <span className="muted">{format(t.rectificationLine, { date: formatDateTime(entry.at, locale) })}</span>
            <span className="prewrap dsr-rectifications__text">{entry.data.correction}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
