import { useT } from '../i18n/i18n-context';
import { EmergencyPhoneLink } from '../ui/emergency-phone';
import { fill } from '../ui/fill';
import { InfoIcon } from '../ui/icons';

/** Placeholder until receipts exist: explains what this page will do. */
export function FollowUpPage() {
  const t = useT();
  const page = t.followUp;
  return (
    <article className="prose">
      <h1>{page.title}</h1>
      <p className="notice">
        <InfoIcon />
        <span>{page.notReady}</span>
      </p>
      <p>{page.explain}</p>
      <p>{fill(page.phone, { phone: <EmergencyPhoneLink /> })}</p>
    </article>
  );
}
