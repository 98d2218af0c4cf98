import { useT } from '../i18n/i18n-context';
import { CallButton } from '../ui/call-button';
import { CheckIcon, InfoIcon } from '../ui/icons';

/**
 * Placeholder until the public form exists: says so plainly and gives the
 * phone route, which is how most urgent requests arrive anyway. No fake form.
 */
export function RequestPage() {
  const t = useT();
  const page = t.request;
  return (
    <article className="prose">
      <h1>{page.title}</h1>
      <p className="notice">
        <InfoIcon />
        <span>{page.notReady}</span>
      </p>

      <h2>{page.callTitle}</h2>
      <p>{page.call}</p>
      <CallButton template={t.layout.call} />

      <h2>{page.callBackTitle}</h2>
      <p>{page.callBack}</p>

      <h2>{page.prepareTitle}</h2>
      <ul className="checklist">
        {page.prepare.map((item) => (
          <li key={item}>
            <CheckIcon />
            <span>{item}</span>
          </li>
        ))}
      </ul>

      <p className="callout">
        <InfoIcon />
        <strong>{page.noCard}</strong>
      </p>
    </article>
  );
}
