import { needsPhone } from '@mnpddh/shared';
import { EmergencyPhoneLink } from '../../ui/emergency-phone';
import { fill } from '../../ui/fill';
import { LockIcon } from '../../ui/icons';
import { Checkbox } from '../form/fields';
import { format, useIntakeT } from '../i18n/catalogues';
import { PrivacyNoticeText } from '../privacy-notice-text';
import { isUrgentDraft, type FirstStepProps } from './now-step';

/** Loi n°2013-015 on personal data: who reads, why, how long, and the person's rights. */
export function PrivacyNotice() {
  const t = useIntakeT();
  const p = t.request.privacy;
  return (
    <section className="privacy" aria-labelledby="privacy-title">
      <h3 id="privacy-title" className="privacy__title">
        <LockIcon />
        <span>{p.title}</span>
      </h3>
      <p>{p.intro}</p>
      <ul>
        {p.items.map((item) => {
          // "Qui les lit : …": the words before the colon lead the line.
          const colon = item.indexOf(':');
          return (
            <li key={item}>
              {colon > 0 ? (
                <>
                  <strong>{item.slice(0, colon + 1)}</strong>
                  {item.slice(colon + 1)}
                </>
              ) : (
                item
              )}
            </li>
          );
        })}
      </ul>
      <p>{fill(p.rights, { phone: <EmergencyPhoneLink /> })}</p>
      <p>{p.authority}</p>
      <details className="privacy__more">
        <summary>{p.fullNotice}</summary>
        <PrivacyNoticeText headingLevel="h4" />
      </details>
    </section>
  );
}

const SUMMARY_PREVIEW = 280;

/** What will be sent, in short, with a way back to each screen. */
function Review({ draft, onEdit }: { draft: FirstStepProps['draft']; onEdit: (step: number) => void }) {
  const t = useIntakeT();
  const c = t.request.consent;
  const n = t.request.now;
  const answer = (value: FirstStepProps['draft']['lifeInDanger']) => (value ? t.labels.tristate[value] : t.common.noAnswer);
  const summary = draft.summary.trim();
  const contact = [
    draft.methods.map((method) => t.labels.contactMethods[method]).join(', '),
    needsPhone(draft.methods) ? draft.phone.trim() : '',
    draft.methods.includes('email') ? draft.email.trim() : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <section className="review" aria-labelledby="review-title">
      <h3 id="review-title" className="review__title">
        {c.reviewTitle}
      </h3>
      <dl className="review__list">
        <div className="review__item">
          <dt>{c.reviewSummary}</dt>
          <dd className="review__text">{summary.length > SUMMARY_PREVIEW ? `${summary.slice(0, SUMMARY_PREVIEW)}…` : summary || t.common.noAnswer}</dd>
          <dd>
            <button type="button" className="link-button" onClick={() => onEdit(0)} aria-label={format(c.editWhat, { what: c.reviewSummary })}>
              {c.edit}
            </button>
          </dd>
        </div>
        <div className="review__item">
          <dt>{c.reviewRightNow}</dt>
          <dd>
            {n.detainedLabel} <strong>{answer(draft.detainedOrMissing)}</strong>
          </dd>
          <dd>
            {n.dangerLabel} <strong>{answer(draft.lifeInDanger)}</strong>
          </dd>
          <dd className={isUrgentDraft(draft) ? 'review__urgent' : undefined}>{isUrgentDraft(draft) ? c.urgentYes : c.urgentNo}</dd>
          <dd>
            <button type="button" className="link-button" onClick={() => onEdit(0)} aria-label={format(c.editWhat, { what: c.reviewRightNow })}>
              {c.edit}
            </button>
          </dd>
        </div>
        <div className="review__item">
          <dt>{c.reviewContact}</dt>
          <dd>{contact || t.common.noAnswer}</dd>
          <dd>
            <button type="button" className="link-button" onClick={() => onEdit(1)} aria-label={format(c.editWhat, { what: c.reviewContact })}>
              {c.edit}
            </button>
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** Screen 3: a last look, the privacy notice, consent to processing (required) and to sharing (separate, optional). */
export function ConsentStep({ draft, onChange, errors, onEdit }: FirstStepProps & { onEdit: (step: number) => void }) {
  const t = useIntakeT();
  const c = t.request.consent;
  return (
    <>
      <Review draft={draft} onEdit={onEdit} />
      <PrivacyNotice />
      <fieldset className="subsection">
        <legend className="subsection__title">{c.consentTitle}</legend>
        <Checkbox
          path="consent.processing"
          label={c.processingLabel}
          required
          checked={draft.consentProcessing}
          onChange={(consentProcessing) => onChange({ consentProcessing })}
          error={errors['consent.processing']}
        />
        <Checkbox
          path="consent.sharingWithPartners"
          label={c.sharingLabel}
          hint={c.sharingHint}
          checked={draft.consentSharing}
          onChange={(consentSharing) => onChange({ consentSharing })}
          error={errors['consent.sharingWithPartners']}
        />
      </fieldset>
    </>
  );
}
