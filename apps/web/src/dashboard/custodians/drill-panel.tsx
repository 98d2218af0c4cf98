import type { CustodianDrillResult, CustodianDrillStatus } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { CheckIcon } from '../../ui/icons';
import { useAction } from '../case-work/use-action';
import { ErrorSummary } from '../forms/error-summary';
import { format, formatDateTime } from '../format';
import { WarningIcon } from '../icons';
import { Loading } from '../require-session';
import type { CustodianApi } from './custodians-api';
import { useCustodiansT } from './i18n';
import { pairList, useEscrowT } from '../escrow/i18n';

type DrillCustodian = CustodianDrillStatus['custodians'][number];

interface Props {
  custodians: CustodianApi;
  status: readonly DrillCustodian[] | null;
  viewerId: string;
  now: number;
  onChecked: () => void;
}

/**
 * The quarterly drill: "vérifier ma part" opens the outer layer of this
 * custodian's shares and drops it (the recovery key is never rebuilt);
 * under it, each custodian's last successful check and when the next is due.
 */
export function DrillPanel({ custodians, status, viewerId, now, onChecked }: Props) {
  const t = useCustodiansT();
  const { busy, errors, run } = useAction();
  const [result, setResult] = useState<CustodianDrillResult | null>(null);

  const check = async () => {
    if (await run(async () => setResult(await custodians.drill()))) onChecked();
  };

  return (
    <section className="custodian-section" aria-labelledby="custodian-drill">
      <h2 id="custodian-drill">{t.drill.title}</h2>
      <p>{t.drill.text}</p>
      <ErrorSummary errors={errors} fieldIds={{}} />
      <button type="button" className="button" onClick={check} aria-disabled={busy || undefined}>
        {busy ? t.drill.checking : t.drill.check}
      </button>
      <div role="status">
        {result ? (
          <>
            <DrillOutcome result={result} />
            <DrillPairs result={result} />
          </>
        ) : null}
      </div>
      <h3 id="custodian-drill-list">{t.drill.listTitle}</h3>
      {status === null ? (
        <Loading label={t.loading} />
      ) : (
        <ul className="custodian-cards custodian-cards--drill" aria-labelledby="custodian-drill-list">
          {status.map((custodian) => (
            <DrillLine key={custodian.id} custodian={custodian} you={custodian.id === viewerId} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DrillOutcome({ result }: { result: CustodianDrillResult }) {
  const t = useCustodiansT();
  const values = { opened: result.opened, shares: result.shares };
  if (result.passed) {
    return (
      <p className="success-box">
        <CheckIcon />
        <span>{format(t.drill.passed, values)}</span>
      </p>
    );
  }
  return (
    <p className="warning-box">
      <WarningIcon />
      <span>{result.shares === 0 ? t.drill.noShare : format(t.drill.failed, values)}</span>
    </p>
  );
}

/** Which of this custodian's shares open, and which pairs of the whole team can open the escrow today. */
function DrillPairs({ result }: { result: CustodianDrillResult }) {
  const t = useEscrowT();
  return (
    <>
      {result.shareResults.length > 0 ? (
        <ul className="drill-shares">
          {result.shareResults.map((share) => (
            <li key={share.innerCustodian.id}>{format(t.drillShare, { name: share.innerCustodian.name, state: share.opens ? t.opens : t.doesNotOpen })}</li>
          ))}
        </ul>
      ) : null}
      <p className={result.workingPairs.length < 2 ? 'warning-box' : undefined}>{format(t.drillPairs, { pairs: pairList(result.workingPairs, t) })}</p>
    </>
  );
}

function DrillLine({ custodian, you, now }: { custodian: DrillCustodian; you: boolean; now: number }) {
  const t = useCustodiansT();
  const [locale] = useLocale();
  const overdue = Date.parse(custodian.dueAt) < now;
  return (
    <li className={overdue ? 'custodian-card custodian-card--overdue' : 'custodian-card'}>
      <p className="custodian-card__title">
        {you ? `${custodian.name} ${t.drill.you}` : custodian.name}
        {overdue ? <span className="badge custodian-badge--overdue">{t.drill.overdue}</span> : null}
      </p>
      <p className="custodian-card__line">
        {custodian.lastDrillAt ? (
          <time dateTime={custodian.lastDrillAt}>{format(t.drill.last, { date: formatDateTime(custodian.lastDrillAt, locale) })}</time>
        ) : (
          t.drill.never
        )}
      </p>
      <p className="custodian-card__line muted">
        <time dateTime={custodian.dueAt}>{format(t.drill.due, { date: formatDateTime(custodian.dueAt, locale) })}</time>
      </p>
    </li>
  );
}
