import type { ActivationLink } from '@mnpddh/shared';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { format, formatDateTime } from '../format';
import { CopyIcon, WarningIcon } from '../icons';
import { useStaffT } from '../i18n/use-staff-t';

/**
 * A one-time activation link, shown once: a copy button, when it expires, and
 * how to hand it over. Nothing keeps it after "J'ai transmis le lien".
 */
export function ActivationLinkBox({ link, name, onDone }: { link: ActivationLink; name: string; onDone: () => void }) {
  const t = useStaffT();
  const [locale] = useLocale();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const input = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const inputId = `activation-link-${link.userId}`;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link.activationUrl);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <section className="link-box" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`} ref={heading} tabIndex={-1} className="link-box__title">
        {format(t.admin.linkTitle, { name })}
      </h3>
      <label htmlFor={inputId} className="field__label">
        {t.admin.linkLabel}
      </label>
      <div className="link-box__row">
        <textarea
          ref={input}
          id={inputId}
          className="field__input link-box__url"
          readOnly
          rows={3}
          value={link.activationUrl}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button--secondary" onClick={copyLink}>
          <CopyIcon />
          <span>{t.admin.copy}</span>
        </button>
      </div>
      <p className="link-box__status" role="status">
        {copy === 'copied' ? t.admin.copied : copy === 'failed' ? t.admin.copyFailed : ''}
      </p>
      <p className="warning-box warning-box--inline">
        <WarningIcon />
        <span>
          <strong>{format(t.admin.linkOnce, { date: formatDateTime(link.expiresAt, locale) })}</strong> {t.admin.linkChannel}
        </span>
      </p>
      <button type="button" className="button" onClick={onDone}>
        {t.admin.linkDone}
      </button>
    </section>
  );
}
