import type { SecurityKeyList, SecurityKeySummary } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { CheckIcon, InfoIcon } from '../../ui/icons';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { format, formatDateTime } from '../format';
import { useStaffT } from '../i18n/use-staff-t';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { AddSecurityKey } from './add-security-key';
import { useSecurityKeyT } from './strings';
import './security-keys.css';

/** /personnel/cles-de-securite: one's own security keys, to add and remove. */
export function SecurityKeysPage() {
  const t = useSecurityKeyT();
  const staffT = useStaffT();
  const [locale] = useLocale();
  const { api } = useStaffSession();
  const [list, setList] = useState<SecurityKeyList | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    try {
      setList(await api.securityKeys());
      setErrors(noErrors);
    } catch (error) {
      setErrors(errorsFrom(error, staffT));
    }
    // `staffT` is left out on purpose: a language change must not reload the list.
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (key: SecurityKeySummary) => {
    setDone('');
    try {
      await api.removeSecurityKey(key.id);
      setDone(format(t.removed, { name: key.name }));
      await load();
    } catch (error) {
      setErrors(errorsFrom(error, staffT));
    }
  };

  const added = async (key: SecurityKeySummary) => {
    setDone(format(t.addedNow, { name: key.name }));
    await load();
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {list?.required ? (
        <p className="notice">
          <InfoIcon />
          <span>{list.keys.length === 0 ? t.needed : t.required}</span>
        </p>
      ) : null}
      <p role="status" className={done ? 'success-box' : 'visually-hidden'}>
        {done ? (
          <>
            <CheckIcon />
            <span>{done}</span>
          </>
        ) : null}
      </p>
      <ErrorSummary errors={errors} fieldIds={{}} />

      <section aria-labelledby="security-keys-list">
        <h2 id="security-keys-list">{t.listTitle}</h2>
        {list === null ? (
          <Loading label={t.loading} />
        ) : list.keys.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <ul className="security-keys">
            {list.keys.map((key) => (
              <li key={key.id} className="security-keys__item">
                <div>
                  <strong>{key.name}</strong>
                  <br />
                  <span className="muted">{format(t.added, { date: formatDateTime(key.createdAt, locale) })}</span>
                  <br />
                  <span className="muted">{key.lastUsedAt ? format(t.lastUsed, { date: formatDateTime(key.lastUsedAt, locale) }) : t.neverUsed}</span>
                </div>
                <button
                  type="button"
                  className="button button--danger-outline"
                  aria-label={format(t.removeOf, { name: key.name })}
                  onClick={() => void remove(key)}
                >
                  {t.remove}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <AddSecurityKey onAdded={(key) => void added(key)} />
    </>
  );
}
