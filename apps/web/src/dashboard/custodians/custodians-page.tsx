import type { CustodianOperationResult } from '@mnpddh/shared';
import { useState } from 'react';
import { CheckIcon, InfoIcon } from '../../ui/icons';
import { useNow } from '../cases/use-now';
import { ErrorSummary } from '../forms/error-summary';
import { format } from '../format';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { useCustodianApi } from './custodians-api';
import { DrillPanel } from './drill-panel';
import { EscrowRequests } from './escrow-requests';
import { GrantForm } from './grant-form';
import { useCustodiansT, type CustodiansCatalogue } from './i18n';
import { OperationCard } from './operation-card';
import { RestoreForm } from './restore-form';
import { useLoaded } from './use-loaded';
import './custodians.css';

/**
 * /personnel/depositaires — the custodians' area: the requests waiting for a
 * second custodian (the requester can never complete their own), the forms
 * to ask for each operation, and the quarterly drill. Cards in one column on
 * a phone; nothing here shows case content.
 */
export function CustodiansPage() {
  const t = useCustodiansT();
  const { user } = useStaffSession();
  const custodians = useCustodianApi();
  const now = useNow();
  const pending = useLoaded(custodians.pending);
  const people = useLoaded(custodians.people);
  const drills = useLoaded(custodians.drillStatus);
  const rotation = useLoaded(custodians.rotation);
  const [done, setDone] = useState('');
  if (!user) return null;

  const requested = () => {
    setDone(t.request.sent);
    pending.reload();
  };
  const completed = (result: CustodianOperationResult | null) => {
    if (result) setDone(outcome(t, result));
    pending.reload();
    rotation.reload();
    if (result?.kind === 'reseal_escrow' || result?.kind === 'rotate_escrow') drills.reload();
  };

  return (
    <div className="custodians-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="notice">
        <InfoIcon />
        <span>{t.twoPeople}</span>
      </p>
      <p role="status" className={done ? 'success-box' : 'visually-hidden'}>
        {done ? (
          <>
            <CheckIcon />
            <span>{done}</span>
          </>
        ) : null}
      </p>

      <section className="custodian-section" aria-labelledby="custodian-pending">
        <h2 id="custodian-pending">{t.pending.title}</h2>
        {pending.error ? (
          <Retry errors={pending.error} onRetry={pending.reload} />
        ) : pending.value === null ? (
          <Loading label={t.loading} />
        ) : pending.value.length === 0 ? (
          <p>{t.pending.empty}</p>
        ) : (
          <ul className="custodian-cards" aria-labelledby="custodian-pending">
            {pending.value.map((operation) => (
              <OperationCard key={operation.id} operation={operation} viewerId={user.id} custodians={custodians} onCompleted={completed} />
            ))}
          </ul>
        )}
      </section>

      <section className="custodian-section" aria-labelledby="custodian-request">
        <h2 id="custodian-request">{t.request.title}</h2>
        <p>{t.request.intro}</p>
        {people.error ? <Retry errors={people.error} onRetry={people.reload} /> : null}
        <div className="custodian-cards custodian-cards--forms">
          <RestoreForm custodians={custodians} people={people.value ?? []} onRequested={requested} />
          <GrantForm custodians={custodians} people={people.value ?? []} onRequested={requested} />
          <EscrowRequests custodians={custodians} rotation={rotation.value} onRequested={requested} />
        </div>
      </section>

      <DrillPanel custodians={custodians} status={drills.value} viewerId={user.id} now={now} onChecked={drills.reload} />
    </div>
  );
}

function Retry({ errors, onRetry }: { errors: Parameters<typeof ErrorSummary>[0]['errors']; onRetry: () => void }) {
  const t = useCustodiansT();
  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{}} />
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t.retry}
      </button>
    </>
  );
}

/** What the second step did, in one sentence. */
function outcome(t: CustodiansCatalogue, result: CustodianOperationResult): string {
  return format(t.pending.done[result.kind], { granted: result.casesGranted, skipped: result.casesSkipped, shares: result.sharesSealed });
}
