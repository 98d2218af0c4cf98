import type { AlertView } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { useStaffSession } from '../session';

/** How often the urgent view asks again: an on-call phone left open sees a new alert within a minute. */
const POLL_MS = 60_000;

/** The signed-in person's alerts, read again every minute; `acknowledge` replaces the alert by the server's answer. */
export function useAlerts() {
  const { api } = useStaffSession();
  const [alerts, setAlerts] = useState<readonly AlertView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    const load = () =>
      api
        .alerts()
        .then((list) => {
          if (!live) return;
          setAlerts(list.items);
          setFailed(false);
        })
        .catch(() => live && setFailed(true));
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, generation]);

  const acknowledge = useCallback(
    async (alertId: string) => {
      const updated = await api.acknowledgeAlert(alertId);
      setAlerts((current) => current?.map((alert) => (alert.id === updated.id ? updated : alert)) ?? current);
    },
    [api],
  );
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { alerts, failed, acknowledge, reload };
}
