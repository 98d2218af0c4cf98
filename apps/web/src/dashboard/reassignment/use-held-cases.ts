import type { CaseSummary } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';

const PAGE_SIZE = 100;
/** A small team's whole list fits well under this; the list API's own page size caps each call. */
const MAX_PAGES = 20;

/**
 * Every case the supervisor holds, a page of the list at a time (the same
 * query as the case list: nothing they do not hold), to pick from — and to
 * find every case of one person when that person is suddenly gone.
 */
export function useHeldCases() {
  const t = useStaffT();
  const { api } = useStaffSession();
  const [cases, setCases] = useState<readonly CaseSummary[] | null>(null);
  const [error, setError] = useState<FormErrors | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      const found: CaseSummary[] = [];
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const list = await api.listCases({ page, pageSize: PAGE_SIZE });
        found.push(...list.items);
        if (page * list.pageSize >= list.total) break;
      }
      return found;
    })()
      .then((value) => {
        if (!live) return;
        setCases(value);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(errorsFrom(caught, t));
      });
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a language change must not reload the cases.
  }, [api, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { cases, error, reload };
}
