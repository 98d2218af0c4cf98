import {
  CustodianCaseFound,
  CustodianDrillResult,
  CustodianDrillStatus,
  CustodianOperationList,
  CustodianOperationResult,
  CustodianOperationView,
  CustodianPeople,
  EscrowRotationProgress,
  type CustodianOperationRequest,
} from '@mnpddh/shared';
import { useMemo } from 'react';
import { useStaffSession } from '../session';

/** The custodian routes (custodians only; the API refuses anyone else), each answer checked against its schema. */
export function useCustodianApi() {
  const { api } = useStaffSession();
  return useMemo(
    () => ({
      pending: async () => (await api.request('GET', '/api/custodian/operations', { schema: CustodianOperationList })).value.items,
      request: async (body: CustodianOperationRequest) =>
        (await api.request('POST', '/api/custodian/operations', { body, schema: CustodianOperationView })).value,
      complete: async (id: string) =>
        (await api.request('POST', `/api/custodian/operations/${encodeURIComponent(id)}/complete`, { schema: CustodianOperationResult })).value,
      drill: async () => (await api.request('POST', '/api/custodian/drill', { schema: CustodianDrillResult })).value,
      drillStatus: async () => (await api.request('GET', '/api/custodian/drill', { schema: CustodianDrillStatus })).value.custodians,
      people: async () => (await api.request('GET', '/api/custodian/people', { schema: CustodianPeople })).value.items,
      findCase: async (reference: string) =>
        (await api.request('GET', `/api/custodian/cases?reference=${encodeURIComponent(reference)}`, { schema: CustodianCaseFound })).value,
      rotation: async () => (await api.request('GET', '/api/custodian/rotation', { schema: EscrowRotationProgress })).value,
    }),
    [api],
  );
}

export type CustodianApi = ReturnType<typeof useCustodianApi>;
