import type { CaseDetail } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import { format } from '../format';
import { useStaffSession } from '../session';
import { useCasesT } from './i18n';
import { fileSize, shortDateTime } from './when';

/** Files are downloaded as attachments (the server says so too), never opened in the page. */
export function Attachments({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const [locale] = useLocale();
  const { api } = useStaffSession();
  if (detail.attachments.length === 0) return <p className="muted">{t.caseView.noAttachments}</p>;
  return (
    <ul className="work-list">
      {detail.attachments.map((file) => (
        <li key={file.id} className="work-list__item">
          <a
            href={api.attachmentUrl(detail.id, file.id)}
            download={file.name}
            className="attachment__link"
            aria-label={format(t.caseView.download, { name: file.name })}
          >
            {file.name}
          </a>
          <p className="work-list__facts">
            {format(t.caseView.attachmentFacts, { type: file.type, size: fileSize(file.size, locale), date: shortDateTime(file.at, locale) })}
          </p>
          <p className="attachment__hash">
            <span className="muted">
              {t.caseView.fingerprint}
              {t.colon}
            </span>
            <code>{file.sha256}</code>
          </p>
        </li>
      ))}
    </ul>
  );
}
