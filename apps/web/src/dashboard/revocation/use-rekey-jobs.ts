import { RekeyJobView, type RevocationForCause } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';

const JobList = z.array(RekeyJobView);

/** The re-keying jobs (counts only), and the two writes: revoke for cause, resume a job. */
export function useRekeyJobs() {
  const t = useStaffT();
  const { api } = useStaffSession();
  const [jobs, setJobs] = useState<RekeyJobView[] | null>(null);
  const [error, setError] = useState<FormErrors | null>(null);

  const reload = useCallback(async () => {
    try {
      setJobs((await api.request('GET', '/api/rekey/jobs', { schema: JobList })).value);
      setError(null);
    } catch (caught) {
      setError(errorsFrom(caught, t));
    }
  }, [api, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const revoke = useCallback(
    async (body: RevocationForCause) => {
      await api.request('POST', '/api/rekey/revocations', { body, schema: RekeyJobView });
      await reload();
    },
    [api, reload],
  );

  const resume = useCallback(
    async (jobId: string) => {
      await api.request('POST', `/api/rekey/jobs/${jobId}/resume`, { body: {}, schema: RekeyJobView });
      await reload();
    },
    [api, reload],
  );

  return { jobs, error, revoke, resume };
}
