import { EscrowHealth } from '@mnpddh/shared';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { format } from '../format';
import { WarningIcon } from '../icons';
import { useStaffSession } from '../session';
import { pairList, useEscrowT } from './i18n';

/**
 * The loud warning, on every page for admins and supervisors, while fewer
 * than two pairs of custodians can open the escrow key. Read again at each
 * navigation: it stays until the team is mended, and nobody can dismiss it.
 */
export function EscrowWarning() {
  const t = useEscrowT();
  const { api } = useStaffSession();
  const { pathname } = useLocation();
  const [health, setHealth] = useState<EscrowHealth | null>(null);

  useEffect(() => {
    let current = true;
    api
      .request('GET', '/api/escrow/health', { schema: EscrowHealth })
      .then((answer) => {
        if (current) setHealth(answer.value);
      })
      // A warning that cannot be read is not shown rather than shown wrong; the admin page reads it again.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, pathname]);

  if (!health?.warning) return null;
  const state = health.lost ? t.lost : health.workingPairs.length === 1 ? t.onePair : t.fewPairs;
  return (
    <section className="alert-banner escrow-warning" role="alert" aria-labelledby="escrow-warning-title">
      <WarningIcon className="alert-banner__icon" />
      <div>
        <h2 id="escrow-warning-title" className="alert-banner__title">
          {t.warningTitle}
        </h2>
        <p>{state}</p>
        {health.lost ? null : <p className="alert-banner__count">{format(t.pairsNow, { pairs: pairList(health.workingPairs, t) })}</p>}
        <p>{health.resealNeeded ? t.reseal : t.staff}</p>
      </div>
    </section>
  );
}
