import type { CaseDetail, CaseEntryView } from '@mnpddh/shared';
import { useState } from 'react';
import { useAction } from '../case-work/use-action';
import { useStaffSession } from '../session';

interface Loaded {
  /** The case read these older pages extend: a case read again starts from its own latest page. */
  readonly detail: CaseDetail;
  readonly entries: readonly CaseEntryView[];
  readonly before: number | null;
}

/**
 * The journal entries older than the case view's page, fetched a page at a
 * time when asked (« Afficher les entrées plus anciennes »): the case view
 * carries only the latest entries.
 */
export function useOlderEntries(detail: CaseDetail) {
  const { api } = useStaffSession();
  const { busy, errors, run } = useAction();
  const [loaded, setLoaded] = useState<Loaded>({ detail, entries: [], before: detail.olderEntriesBefore });
  const current = loaded.detail === detail ? loaded : { detail, entries: [], before: detail.olderEntriesBefore };

  const loadOlder = async () => {
    const { before } = current;
    if (before === null) return;
    await run(async () => {
      const page = await api.olderEntries(detail.id, before);
      setLoaded({ detail, entries: [...page.entries, ...current.entries], before: page.olderEntriesBefore });
    });
  };

  return { entries: current.entries, before: current.before, busy, errors, loadOlder };
}
