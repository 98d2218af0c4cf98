import type { Partner } from '@mnpddh/shared';
import { useEffect, useState } from 'react';
import { useStaffSession } from '../session';
import { consentApi } from './consent-api';

/** The partners a consent or a referral may name, loaded once per screen (empty until they arrive or when they cannot be read); an entry changed outside the portal is never offered. */
export function usePartners(): readonly Partner[] {
  const { api } = useStaffSession();
  const [partners, setPartners] = useState<readonly Partner[]>([]);
  useEffect(() => {
    let live = true;
    consentApi.partners(api).then(
      (items) => live && setPartners(items.filter((partner) => !partner.altered)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return partners;
}
