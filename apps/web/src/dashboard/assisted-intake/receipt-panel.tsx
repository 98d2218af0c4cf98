import type { AssistedReceipt } from '@mnpddh/shared';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useAssistedT } from './strings';

/** The receipt's characters in groups of four, whatever separators the server used. */
export function groupsOfFour(receipt: string): string[] {
  return receipt.replace(/[\s-]/g, '').match(/.{1,4}/g) ?? [];
}

interface Props {
  filed: AssistedReceipt;
  onAnother: () => void;
}

/**
 * After filing: the reference to quote, and the receipt shown once with what
 * to do with it (read it out now), or the plain statement that none was
 * issued. The heading takes the focus so a screen reader starts here.
 */
export function ReceiptPanel({ filed, onAnother }: Props) {
  const t = useAssistedT();
  const d = t.done;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const groups = filed.receipt ? groupsOfFour(filed.receipt) : [];

  return (
    <article className="assisted-done" aria-labelledby="ai-done-title">
      <h1 id="ai-done-title" ref={heading} tabIndex={-1}>
        {d.title}
      </h1>
      {filed.urgent ? <p className="assisted-done__urgent">{d.urgent}</p> : null}

      <dl className="assisted-done__facts">
        <div>
          <dt>{d.reference}</dt>
          <dd className="assisted-done__reference">{filed.reference}</dd>
          <dd className="muted">{d.referenceHint}</dd>
        </div>
      </dl>

      {filed.receipt ? (
        <section className="assisted-receipt" aria-labelledby="ai-receipt-title">
          <h2 id="ai-receipt-title">{d.receipt}</h2>
          <p className="assisted-receipt__instruction">{d.readOut}</p>
          <p className="assisted-receipt__code">
            <span aria-hidden="true" className="assisted-receipt__groups">
              {groups.map((group, index) => (
                <span key={index} className="assisted-receipt__group">
                  {group}
                </span>
              ))}
            </span>
            {/* Spelled character by character, group by group, for a screen reader. */}
            <span className="visually-hidden">{groups.map((group) => group.split('').join(' ')).join(', ')}</span>
          </p>
          <p>{d.keepNowhere}</p>
        </section>
      ) : (
        <p className="assisted-receipt assisted-receipt--withheld">{d.withheld}</p>
      )}

      <div className="button-row">
        <Link className="button" to={`/personnel/dossiers/${encodeURIComponent(filed.caseId)}`}>
          {d.openCase}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {d.another}
        </button>
      </div>
    </article>
  );
}
