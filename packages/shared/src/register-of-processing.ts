import { z } from 'zod';
import { RetentionPolicy } from './retention.js';

/*
 * The register of processing (Loi n°2013-015): generated from the running
 * configuration, so that what is declared to the APDP is what the portal
 * does. French, the language of the declaration; clear text, no case data.
 */
export const RegisterOfProcessing = z.strictObject({
  generatedAt: z.iso.datetime(),
  noticeVersion: z.string(),
  controller: z.strictObject({ name: z.string(), service: z.string(), country: z.string(), tenant: z.string() }),
  legalBasis: z.array(z.string()),
  purposes: z.array(z.string()),
  dataSubjects: z.array(z.string()),
  categories: z.array(z.strictObject({ category: z.string(), sensitive: z.boolean() })),
  recipients: z.array(z.string()),
  transfers: z.strictObject({
    /** ISO 3166-1 alpha-2 code of the country where the server and its backups are hosted. */
    hostingCountry: z.string(),
    abroad: z.boolean(),
    details: z.array(z.string()),
  }),
  retention: z.strictObject({
    policy: RetentionPolicy,
    legalHold: z.string(),
    erasure: z.string(),
    backupsKept: z.number().int(),
  }),
  securityMeasures: z.array(z.string()),
  dataSubjectRights: z.array(z.string()),
});
export type RegisterOfProcessing = z.infer<typeof RegisterOfProcessing>;
