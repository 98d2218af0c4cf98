import { DrasticActList, type DrasticActView } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { format, formatDateTime } from '../format';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { useDrasticActsT } from './i18n';

/** The requests waiting for a second person; anyone but the one who asked (and the person concerned) confirms. */
export function DrasticActsPanel() {
  const t = useDrasticActsT();
  const st = useStaffT();
  const [locale] = useLocale();
  const session = useStaffSession();
  const { api } = session;
  const selfId = session.status === 'signed-in' ? (session.user?.id ?? '') : '';
  const [acts, setActs] = useState<DrasticActView[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [status, setStatus] = useState('');

  const load = useCallback(() => {
    api.request('GET', '/api/admin/drastic-acts', { schema: DrasticActList }).then(
      (answer) => setActs(answer.value.items),
      (error: unknown) => setErrors(errorsFrom(error, st)),
    );
  }, [api, st]);
  useEffect(load, [load]);

  const confirm = async (act: DrasticActView) => {
    setErrors(noErrors);
    setStatus('');
    try {
      await api.request('POST', `/api/admin/drastic-acts/${encodeURIComponent(act.id)}/confirm`, { body: {} });
      setStatus(t.confirmed);
    } catch (error) {
      setErrors(errorsFrom(error, st));
    }
    load();
  };

  return (
    <section aria-labelledby="drastic-acts-title" className="drastic-acts">
      <h2 id="drastic-acts-title">{t.title}</h2>
      <p className="form-help">{t.lead}</p>
      <ErrorSummary errors={errors} fieldIds={{}} />
      <p role="status">{status}</p>
      {acts.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className="actions-list">
          {acts.map((act) => (
            <li key={act.id}>
              <strong>{format(t.kinds[act.kind], { name: act.staffName })}</strong>
              <p className="actions-list__hint">{format(t.askedBy, { name: act.requestedByName, at: formatDateTime(act.expiresAt, locale) })}</p>
              {act.requestedById === selfId ? (
                <p className="actions-list__hint">{t.yours}</p>
              ) : (
                <button type="button" className="button button--danger-outline button--small" onClick={() => void confirm(act)}>
                  {t.confirm}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
