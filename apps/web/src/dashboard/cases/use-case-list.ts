import type { CaseList } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import type { Filters } from './case-filters-state';

/** One page of the list for some filters; `reload` after an action. A stale answer never replaces a newer one. */
export function useCaseList(filters: Filters, page: number, pageSize: number) {
  const t = useStaffT();
  const { api } = useStaffSession();
  const [list, setList] = useState<CaseList | null>(null);
  const [error, setError] = useState<FormErrors | null>(null);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([filters, page, pageSize]);

  useEffect(() => {
    let live = true;
    const [currentFilters, currentPage, currentSize] = JSON.parse(key) as [Filters, number, number];
    api
      .listCases({ ...currentFilters, page: currentPage, pageSize: currentSize })
      .then((value) => {
        if (!live) return;
        setList(value);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(errorsFrom(caught, t));
      });
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a language change must not reload the list.
  }, [api, key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { list, error, reload };
}
