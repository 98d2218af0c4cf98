import type { Assignee } from '@mnpddh/shared';
import { useEffect, useState } from 'react';
import { useStaffSession } from '../session';

/** The people a case or a measure can go to (active, keys certified), loaded once per page; empty if it fails. */
export function useAssignees(): { assignees: readonly Assignee[]; loaded: boolean } {
  const { api } = useStaffSession();
  const [assignees, setAssignees] = useState<readonly Assignee[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .listAssignees()
      .then((list) => live && setAssignees(list))
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [api]);
  return { assignees, loaded };
}
