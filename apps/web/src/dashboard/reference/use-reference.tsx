import type { ReferenceItem, ReferenceListName } from '@mnpddh/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { useStaffSession } from '../session';

/**
 * The reference lists (regions, threat types, measures, legal bases…) as the
 * server holds them: labels come from here, never from components. Loaded
 * once per signed-in session; `reload` after an admin edit.
 */
interface ReferenceState {
  items: readonly ReferenceItem[];
  loaded: boolean;
  reload: () => void;
}

const ReferenceContext = createContext<ReferenceState>({ items: [], loaded: false, reload: () => undefined });

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { api, status } = useStaffSession();
  const [items, setItems] = useState<readonly ReferenceItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (status !== 'signed-in') return;
    let live = true;
    api
      .reference()
      .then((data) => {
        if (!live) return;
        setItems(data.items);
        setLoaded(true);
      })
      .catch(() => {
        // Labels fall back to codes; the page still works.
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [api, status, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const value = useMemo(() => ({ items, loaded, reload }), [items, loaded, reload]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference() {
  return useContext(ReferenceContext);
}

/** The active items of one list, in order, and a label lookup in the interface language (the code when unknown). */
export function useReferenceList(list: ReferenceListName) {
  const { items } = useReference();
  const [locale] = useLocale();
  return useMemo(() => {
    const ofList = items.filter((item) => item.list === list).sort((a, b) => a.position - b.position);
    const label = (code: string) => {
      const item = ofList.find((candidate) => candidate.code === code);
      if (!item) return code;
      return locale === 'en' ? item.labelEn : item.labelFr;
    };
    return { items: ofList.filter((item) => item.active), all: ofList, label };
  }, [items, list, locale]);
}
