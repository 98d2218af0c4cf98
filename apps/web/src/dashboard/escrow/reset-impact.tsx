import type { PasswordResetImpact } from '@mnpddh/shared';
import { Checkbox } from '../forms/field';
import { format } from '../format';
import { pairList, useEscrowT } from './i18n';

interface Props {
  impact: PasswordResetImpact | null;
  idPrefix: string;
  riskAccepted: boolean;
  onRiskAccepted: (accepted: boolean) => void;
}

/** What a password reset will do, said before the admin confirms it: sessions, cases, and the escrow when the person is a custodian. */
export function ResetImpact({ impact, idPrefix, riskAccepted, onRiskAccepted }: Props) {
  const t = useEscrowT();
  if (!impact) return <p className="muted">{t.impactLoading}</p>;
  return (
    <div className="reset-impact">
      <p>{format(t.impactSessions, { count: impact.sessions })}</p>
      {impact.casesHeld > 0 ? <p>{format(t.impactCases, { count: impact.casesHeld })}</p> : null}
      {impact.custodian ? (
        <>
          <p>{t.impactCustodian}</p>
          <p className={impact.escrowAfter.warning ? 'warning-box' : undefined}>
            <strong>{impact.escrowAfter.lost ? t.impactLost : format(t.impactAfter, { pairs: pairList(impact.escrowAfter.workingPairs, t) })}</strong>
          </p>
        </>
      ) : null}
      {impact.escrowRiskToAccept ? (
        <Checkbox id={`${idPrefix}-escrow-risk`} label={t.impactRisk} checked={riskAccepted} onChange={(event) => onRiskAccepted(event.target.checked)} />
      ) : null}
    </div>
  );
}
