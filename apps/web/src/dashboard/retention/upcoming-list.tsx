import { UpcomingExpiryList, type UpcomingExpiry } from '@mnpddh/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { useCasesT } from '../cases/i18n';
import { longDay, todayInBamako } from '../cases/when';
import { format } from '../format';
import { ExtendForm } from './extend-form';
import { useRetentionT } from './i18n';
import { PurgeConfirmForm } from './purge-confirm-form';
import { Loaded } from './loaded';
import { useLoaded } from './use-loaded';

type Opened = { caseId: string; action: 'extend' | 'purge' } | null;

/** The cases nearing the end of their retention, soonest first, each with its actions. */
export function UpcomingList() {
  const r = useRetentionT();
  const t = r.upcoming;
  const { value, error, reload } = useLoaded('/api/retention/upcoming', UpcomingExpiryList);
  const [opened, setOpened] = useState<Opened>(null);
  const [notice, setNotice] = useState('');
  const done = () => {
    setNotice(opened?.action === 'purge' ? r.purge.done : r.extend.done);
    setOpened(null);
    reload();
  };
  const open = (caseId: string, action: 'extend' | 'purge' | null) => {
    setNotice('');
    setOpened(action ? { caseId, action } : null);
  };
  return (
    <section className="retention-section" aria-labelledby="retention-upcoming-title">
      <h2 id="retention-upcoming-title">{t.title}</h2>
      <p className="form-help">{t.intro}</p>
      <p className="retention-notice" role="status">
        {notice}
      </p>
      <Loaded value={value} error={error} reload={reload}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t.empty}</p>
          ) : (
            <ul className="retention-list">
              {list.items.map((item) => (
                <UpcomingItem
                  key={item.caseId}
                  item={item}
                  opened={opened?.caseId === item.caseId ? opened.action : null}
                  onOpen={(action) => open(item.caseId, action)}
                  onDone={done}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function UpcomingItem({
  item,
  opened,
  onOpen,
  onDone,
}: {
  item: UpcomingExpiry;
  opened: 'extend' | 'purge' | null;
  onOpen: (action: 'extend' | 'purge' | null) => void;
  onDone: () => void;
}) {
  const r = useRetentionT();
  const t = r.upcoming;
  const ct = useCasesT();
  const [locale] = useLocale();
  const passed = item.expiresAt <= todayInBamako();
  const expiry = longDay(item.expiresAt, locale);
  const hold = !item.legalHold ? t.legalHoldNo : item.purgeConfirmed ? t.legalHoldConfirmed : t.legalHoldYes;
  const titleId = `retention-${item.caseId}`;
  return (
    <li className={item.legalHold ? 'retention-item retention-item--hold' : 'retention-item'} aria-labelledby={titleId}>
      <h3 id={titleId} className="retention-item__title">
        <Link to={`/personnel/dossiers/${item.caseId}`}>{format(t.caseTitle, { reference: item.reference })}</Link>
      </h3>
      <dl className="retention-facts">
        <div>
          <dt>{t.expires}</dt>
          <dd className={passed ? 'retention-facts__passed' : undefined}>{passed ? format(t.expired, { date: expiry }) : expiry}</dd>
        </div>
        <div>
          <dt>{t.status}</dt>
          <dd>{ct.status[item.status]}</dd>
        </div>
        <div>
          <dt>{t.legalHold}</dt>
          <dd>{hold}</dd>
        </div>
        <div>
          <dt>{t.extension}</dt>
          <dd>{item.extensionReason ? r.reasons[item.extensionReason] : t.extensionNone}</dd>
        </div>
      </dl>
      {opened === 'extend' ? <ExtendForm item={item} onDone={onDone} onCancel={() => onOpen(null)} /> : null}
      {opened === 'purge' ? <PurgeConfirmForm item={item} onDone={onDone} onCancel={() => onOpen(null)} /> : null}
      {opened === null ? (
        <div className="button-row retention-item__actions">
          <button type="button" className="button button--secondary" onClick={() => onOpen('extend')}>
            {t.extend}
          </button>
          {item.legalHold && !item.purgeConfirmed ? (
            <button type="button" className="button button--danger-outline" onClick={() => onOpen('purge')}>
              {t.confirmPurge}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
