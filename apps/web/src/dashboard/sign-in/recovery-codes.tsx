import { useEffect, useRef } from 'react';
import { WarningIcon, PrintIcon } from '../icons';
import { useStaffT } from '../i18n/use-staff-t';

/**
 * The recovery codes, shown once after the first sign-in with a new second
 * factor. They are held in memory only: closing the tab loses them, which
 * the text says plainly.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useStaffT();
  const page = t.recovery;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    // Closing or reloading the tab now would lose the codes for good: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" ref={heading} tabIndex={-1}>
        {page.title}
      </h1>
      <p className="warning-box warning-box--inline">
        <WarningIcon />
        <strong>{page.lead}</strong>
      </p>
      <ul className="recovery__explain">
        {page.explain.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <ol className="recovery__codes" aria-label={page.listLabel}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row recovery__actions">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          <PrintIcon />
          <span>{page.print}</span>
        </button>
        <button type="button" className="button" onClick={onDone}>
          {page.done}
        </button>
      </div>
    </section>
  );
}
