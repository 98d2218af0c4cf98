import type { Partner } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { consentApi } from '../case-work/consent-api';
import { useConsentT } from '../case-work/consent-strings';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { PartnerForm } from './partner-form';
import { usePartnerT } from './partner-strings';

/**
 * /personnel/admin/partenaires (admins and supervisors): the partner
 * directory. Partners are retired, never deleted: a case's referral keeps
 * the name it was sent to.
 */
export function PartnerDirectoryPage() {
  const t = usePartnerT();
  const staffT = useStaffT();
  const { api } = useStaffSession();
  const [partners, setPartners] = useState<Partner[] | null>(null);
  const [loadError, setLoadError] = useState<FormErrors | null>(null);

  const load = useCallback(async () => {
    try {
      setPartners(await consentApi.partners(api));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorsFrom(error, staffT));
    }
    // `staffT` is left out on purpose: a language change must not reload the list.
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {partners ? (
        partners.length === 0 ? (
          <p className="muted">{t.empty}</p>
        ) : (
          <ul className="work-list">
            {partners.map((partner) => (
              <PartnerItem key={partner.id} partner={partner} onDone={() => void load()} />
            ))}
          </ul>
        )
      ) : loadError ? (
        <>
          <ErrorSummary errors={loadError} fieldIds={{}} />
          <button type="button" className="button" onClick={() => void load()}>
            {t.retry}
          </button>
        </>
      ) : (
        <Loading label={t.loading} />
      )}
      <section aria-labelledby="partner-add-title">
        <h2 id="partner-add-title">{t.addTitle}</h2>
        <PartnerForm onDone={() => void load()} />
      </section>
    </>
  );
}

function PartnerItem({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const t = usePartnerT();
  const kinds = useConsentT().partnerKinds;
  const [editing, setEditing] = useState(false);
  return (
    <li className="work-list__item">
      <p className="work-list__title">
        {partner.name} <span className="case-badge case-badge--plain">{kinds[partner.kind]}</span>
        {partner.active ? null : <span className="case-badge case-badge--ended">{t.retired}</span>}
      </p>
      {partner.altered ? (
        <p className="field__error" role="note">
          {t.altered}
        </p>
      ) : null}
      {partner.contactNotes ? <p className="prewrap">{partner.contactNotes}</p> : null}
      <button type="button" className="button button--secondary button--small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        {editing ? t.cancel : t.edit}
        <span className="visually-hidden"> — {partner.name}</span>
      </button>
      {editing ? (
        <section aria-label={format(t.editTitle, { name: partner.name })}>
          <PartnerForm
            partner={partner}
            onDone={() => {
              setEditing(false);
              onDone();
            }}
          />
        </section>
      ) : null}
    </li>
  );
}
