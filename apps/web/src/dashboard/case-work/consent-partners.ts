import type { Partner } from '@mnpddh/shared';
import { useEffect, useState } from 'react';
import { useStaffSession } from '../session';
import { consentApi } from './consent-api';

/** The partner directory, loaded once per screen (empty until it arrives or when it cannot be read). */
export function usePartners(): readonly Partner[] {
  const { api } = useStaffSession();
  const [partners, setPartners] = useState<readonly Partner[]>([]);
  useEffect(() => {
    let live = true;
    consentApi.partners(api).then(
      (items) => live && setPartners(items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return partners;
}
