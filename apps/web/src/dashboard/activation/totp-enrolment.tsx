import type { ActivateResponse } from '@mnpddh/shared';
import type { RefObject } from 'react';
import { CheckIcon } from '../../ui/icons';
import { format } from '../format';
import { WarningIcon } from '../icons';
import { useStaffT } from '../i18n/use-staff-t';

/**
 * The server draws the QR code as SVG. It is shown as an image from a data:
 * URI (allowed by the CSP's img-src), never injected as markup: an image
 * cannot run script or reach the page.
 */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** What a person types by hand when the camera cannot scan: the secret in groups of four, and the account. */
export function manualEntry(totpUri: string): { account: string; key: string; digits: string; period: string } {
  try {
    const url = new URL(totpUri);
    const secret = (url.searchParams.get('secret') ?? '').toUpperCase();
    const label = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
    const account = label.includes(':') ? label.slice(label.indexOf(':') + 1) : label;
    return {
      account,
      key: secret.replace(/(.{4})(?=.)/g, '$1 '),
      digits: url.searchParams.get('digits') ?? '6',
      period: url.searchParams.get('period') ?? '30',
    };
  } catch {
    return { account: '', key: '', digits: '6', period: '30' };
  }
}

interface Props {
  enrolment: ActivateResponse;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onContinue: () => void;
}

export function TotpEnrolment({ enrolment, headingRef, onContinue }: Props) {
  const t = useStaffT();
  const page = t.activation;
  const manual = manualEntry(enrolment.totpUri);

  return (
    <>
      <p className="success-box" role="status">
        <CheckIcon />
        <span>{format(page.saved, { email: enrolment.email })}</span>
      </p>
      <section aria-labelledby="activation-totp-title">
        <h2 id="activation-totp-title" ref={headingRef} tabIndex={-1}>
          {page.totpTitle}
        </h2>
        <p>{page.totpIntro}</p>
        <ol className="numbered">
          {page.totpSteps.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
        <div className="totp">
          <img className="totp__qr" src={svgDataUri(enrolment.totpQrSvg)} alt={page.qrAlt} width="240" height="240" />
          <div className="totp__manual">
            <h3>{page.manualTitle}</h3>
            <dl className="totp__facts">
              <dt>{page.manualAccount}</dt>
              <dd>{manual.account || enrolment.email}</dd>
              <dt>{page.manualKey}</dt>
              <dd>
                <code className="totp__key">{manual.key}</code>
              </dd>
              <dt>{page.manualKind}</dt>
              <dd>{format(page.manualKindValue, { digits: manual.digits, period: manual.period })}</dd>
            </dl>
          </div>
        </div>
        <p className="warning-box warning-box--inline">
          <WarningIcon />
          <span>{page.keepSecret}</span>
        </p>
      </section>
      <section aria-labelledby="activation-continue-title">
        <h2 id="activation-continue-title">{page.continueTitle}</h2>
        <p>{page.continueText}</p>
        <button type="button" className="button" onClick={onContinue}>
          {page.continue}
        </button>
      </section>
    </>
  );
}
