import { z } from 'zod';

/*
 * Anonymised statistics: only from the aggregate counters of
 * SECURITY.md — never from cases, never decrypting. A cell below k is
 * suppressed; complementary suppression keeps any suppressed cell from being
 * recomputed from totals.
 */

/** The dimensions a counter can carry (stat_counter.dimension_1 / dimension_2). */
export const STAT_DIMENSIONS = [
  'cases',
  'people',
  'urgency',
  'region',
  'threat_type',
  'perpetrator_type',
  'profile',
  'gender',
  'age_group',
  'disability',
  'channel',
  'measure_requested',
  'measure_decided',
  'measure_delivered',
  'risk_level',
  'outcome',
  'closed',
  'first_contact_hours',
  'assessment_days',
] as const;
export const StatDimension = z.enum(STAT_DIMENSIONS);
export type StatDimension = z.infer<typeof StatDimension>;

/** The dimensions a table can show: the counters', plus regions grouped and cases carried over. */
export const REPORT_DIMENSIONS = [...STAT_DIMENSIONS, 'region_group', 'carried_over'] as const;
export const ReportDimension = z.enum(REPORT_DIMENSIONS);
export type ReportDimension = z.infer<typeof ReportDimension>;

export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export const Granularity = z.enum(GRANULARITIES);
export type Granularity = z.infer<typeof Granularity>;

/** Duration buckets of the response-time counters (hours to first contact, days to assessment). */
export const FIRST_CONTACT_BUCKETS = ['0_2', '2_6', '6_24', '24_72', '72_plus'] as const;
export const ASSESSMENT_BUCKETS = ['0_3', '3_10', '10_30', '30_plus'] as const;

/** Groups of regions for coarser views (north, centre, south, Bamako, abroad). */
export const REGION_GROUPS: Record<string, readonly string[]> = {
  bamako: ['bamako'],
  south_west: ['kayes', 'nioro', 'kita', 'koulikoro', 'nara', 'dioila'],
  south: ['sikasso', 'bougouni', 'koutiala'],
  centre: ['segou', 'san', 'mopti', 'bandiagara', 'douentza'],
  north: ['tombouctou', 'taoudenit', 'gao', 'menaka', 'kidal'],
  outside_mali: ['outside_mali'],
  unknown: ['unknown', 'other'],
};

const Month = z.string({ error: 'month_format' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month_format');

const STATISTICS_QUERY = {
  from: Month,
  to: Month,
  granularity: Granularity.default('month'),
  dimension: ReportDimension,
  /** Crossed with a second dimension (two at a time at most). */
  cross: ReportDimension.optional(),
};

const periodInOrder = (q: { from: string; to: string }) => q.from <= q.to;
const twoDimensions = (q: { dimension: string; cross?: string | undefined }) => q.cross === undefined || q.cross !== q.dimension;

export const StatisticsQuery = z
  .strictObject(STATISTICS_QUERY)
  .refine(periodInOrder, { path: ['to'], message: 'period_reversed' })
  .refine(twoDimensions, { path: ['cross'], message: 'same_dimension' });
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

export const SUPPRESSION_REASONS = ['below_k', 'complementary'] as const;

/** One cell: a count, or null when suppressed (and why). */
export const StatCell = z.strictObject({
  period: z.string(),
  value: z.string(),
  /** The second dimension's value when crossed, else ''. */
  cross: z.string(),
  count: z.number().int().min(0).nullable(),
  suppressed: z.enum(SUPPRESSION_REASONS).nullable(),
});
export type StatCell = z.infer<typeof StatCell>;

/**
 * How fresh the counters are: increments wait sealed until a batch mixes at
 * least k cases, at most once a day; the hour of the last batch and how many
 * increments wait.
 */
export const StatisticsFreshness = z.strictObject({
  countedUntil: z.iso.datetime().nullable(),
  waiting: z.number().int().min(0),
});
export type StatisticsFreshness = z.infer<typeof StatisticsFreshness>;

export const StatisticsTable = z.strictObject({
  query: z.strictObject({
    from: z.string(),
    to: z.string(),
    granularity: Granularity,
    dimension: ReportDimension,
    cross: ReportDimension.optional(),
  }),
  /** The threshold applied (never below 3). */
  k: z.number().int().min(3),
  generatedAt: z.iso.datetime(),
  freshness: StatisticsFreshness,
  cells: z.array(StatCell),
  /** Totals per period (suppressed too when they would reveal a suppressed cell). */
  totals: z.array(z.strictObject({ period: z.string(), count: z.number().int().min(0).nullable() })),
  /** When most cells are suppressed: the coarser view to offer (quarter, year, region groups). */
  coarserSuggestion: z.strictObject({ granularity: Granularity.optional(), dimension: ReportDimension.optional() }).nullable(),
});
export type StatisticsTable = z.infer<typeof StatisticsTable>;

/** Response-time indicators from the duration buckets: medians and percentiles, share within target. */
export const ResponseTimes = z.strictObject({
  query: z.strictObject({ from: z.string(), to: z.string() }),
  k: z.number().int().min(3),
  firstContact: z.strictObject({
    measured: z.number().int().nullable(),
    /** Bucket holding the median / the 90th percentile (e.g. "2_6" hours); null when suppressed. */
    medianBucket: z.string().nullable(),
    p90Bucket: z.string().nullable(),
    withinTargetShare: z.number().min(0).max(1).nullable(),
  }),
  assessment: z.strictObject({
    measured: z.number().int().nullable(),
    medianBucket: z.string().nullable(),
    p90Bucket: z.string().nullable(),
    withinTargetShare: z.number().min(0).max(1).nullable(),
  }),
});
export type ResponseTimes = z.infer<typeof ResponseTimes>;

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);

/** GET /api/reports/statistics/export: the table's query and the file's format. */
export const StatisticsExportQuery = z
  .strictObject({ ...STATISTICS_QUERY, format: ExportFormat })
  .refine(periodInOrder, { path: ['to'], message: 'period_reversed' })
  .refine(twoDimensions, { path: ['cross'], message: 'same_dimension' });
export type StatisticsExportQuery = z.infer<typeof StatisticsExportQuery>;

/** GET /api/reports/response-times: a period of months, in order. */
export const ResponseTimesQuery = z.strictObject({ from: Month, to: Month }).refine(periodInOrder, { path: ['to'], message: 'period_reversed' });
export type ResponseTimesQuery = z.infer<typeof ResponseTimesQuery>;

// ---- the audit log --------------------------------------------------------

export const AuditQuery = z.strictObject({
  action: z.string().max(60).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventView = z.strictObject({
  seq: z.string(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventPage = z.strictObject({
  items: z.array(AuditEventView),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type AuditEventPage = z.infer<typeof AuditEventPage>;

/** GET /api/audit/verify: the chain recomputed and compared with the latest signed checkpoint. */
export const AuditVerification = z.strictObject({
  valid: z.boolean(),
  checked: z.number().int().min(0),
  /** The sequence number of the first row that does not verify (edited, deleted, reordered), or null. */
  firstBrokenId: z.string().nullable(),
  checkpoint: z
    .strictObject({
      rowCount: z.number().int(),
      headHash: z.string(),
      signedAt: z.iso.datetime(),
      /** The chain still holds the checkpoint's rows, unchanged. */
      matches: z.boolean(),
    })
    .nullable(),
  /**
   * The checkpoint the auditor exported earlier and uploaded (never trusted to the database): its signature checked
   * with the configured key, then compared with the chain. Null when none was uploaded.
   */
  exported: z
    .strictObject({
      rowCount: z.number().int(),
      signedAt: z.iso.datetime(),
      signatureValid: z.boolean(),
      matches: z.boolean(),
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

/** A signed checkpoint, exportable for safekeeping off the server. */
export const AuditCheckpointView = z.strictObject({
  tenant: z.string(),
  rowCount: z.number().int().min(0),
  headHash: z.string(),
  signedAt: z.iso.datetime(),
  signature: z.string(),
  /** The checkpoint key's public half, to verify offline. */
  publicKey: z.string(),
});
export type AuditCheckpointView = z.infer<typeof AuditCheckpointView>;

/** POST /api/audit/verify: a checkpoint exported earlier (the downloaded JSON, as it was). */
export const AuditVerifyRequest = z.strictObject({
  checkpoint: z.strictObject({
    tenant: z.string().max(40),
    rowCount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    headHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'base64url, 32 bytes'),
    signedAt: z.iso.datetime(),
    signature: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'base64url'),
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'base64url, 32 bytes'),
  }),
});
export type AuditVerifyRequest = z.infer<typeof AuditVerifyRequest>;
