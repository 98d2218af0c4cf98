import { z } from 'zod';

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgresql:// URL');

/**
 * The whole environment, parsed once at boot. Without DATABASE_URL the portal
 * runs in embedded demo mode: it starts its own PostgreSQL in DATA_DIR.
 */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data'),
    DATABASE_URL: postgresUrl.optional(),
    /** Role that owns the schema and runs migrations; defaults to DATABASE_URL. */
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Built web app to serve from the same origin; empty to serve none. */
    WEB_DIST: z.string().default(''),
    /** Largest JSON body accepted, in bytes. */
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(10_000_000)
      .default(256 * 1024),
    /** Largest file or voice message a defender may upload, in bytes (default 50 MB). */
    MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 ** 4)
      .default(50 * 1024 * 1024),
    /** The mechanism this deployment serves; bound into every certificate and ciphertext. */
    TENANT: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/, 'lowercase letters, digits and dashes')
      .default('ml-mnpddh'),
    /** Public address of the portal, for activation links. */
    PUBLIC_URL: z.string().url().optional(),
    /**
     * The dashboard's own address (SECURITY.md T9). When set, staff pages and every staff API route answer only on
     * its host name, the public form only on any other (PUBLIC_URL, the onion address); activation links, alert links
     * and security keys use it. Unset: one origin serves everything.
     */
    STAFF_URL: z.string().url().optional(),
    /** Secrets kept outside the database (SECURITY.md); generated into DATA_DIR only in embedded demo mode. */
    RECEIPT_PEPPER: z.string().optional(),
    DIRECTORY_SIGNING_KEY: z.string().optional(),
    INDEX_KEY: z.string().optional(),
    AUDIT_CHECKPOINT_KEY: z.string().optional(),
    /** A file of NAME=value lines holding those secrets (the variables win over it); kept apart from the backups. */
    SECRETS_FILE: z.string().min(1).optional(),
    /**
     * The integrity anchor (docs/SECURITY.md): the audit log's head and the facts a database replay would undo, kept
     * outside PostgreSQL. Default DATA_DIR/integrity-anchor.json. Back it up with the data, never restore it over a newer one.
     */
    ANCHOR_FILE: z.string().min(1).optional(),
    /** Encrypted attachments and uploads in progress (file-store/), one file per random key. Default DATA_DIR/files; backed up with the database. */
    FILE_STORE_DIR: z.string().min(1).optional(),
    /** Set behind a TLS proxy: cookies get Secure, HSTS is sent. */
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    /** Response targets (policy): an unassigned urgent case is overdue after this many minutes. */
    TARGET_UNASSIGNED_URGENT_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    /** First contact on an urgent case, in hours after receipt. */
    TARGET_FIRST_CONTACT_HOURS: z.coerce.number().int().min(1).max(72).default(2),
    /** Risk assessment of an ordinary case, in days after receipt. */
    TARGET_ASSESSMENT_DAYS: z.coerce.number().int().min(1).max(90).default(10),
    /** Statistics: a count below this is suppressed (disclosure control); never below 3. */
    STATS_K: z.coerce.number().int().min(3).max(100).default(5),
    /**
     * Argon2id cost of staff passwords; `test` (libsodium's minimum) and `test-upgraded` (a notch above it, to test
     * parameter upgrades at sign-in) are refused outside NODE_ENV=test.
     */
    PASSWORD_ARGON2: z.enum(['standard', 'test', 'test-upgraded']).default('standard'),
    /** On-call alerts by e-mail (smtp:// with STARTTLS, or smtps://); unset: no e-mail. */
    SMTP_URL: z
      .string()
      .url()
      .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
      .optional(),
    ALERT_FROM: z
      .string()
      .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address')
      .default('alertes@localhost'),
    /** On-call alerts by a signed JSON webhook (an SMS or Signal gateway the mechanism runs); unset: none. */
    ALERT_WEBHOOK_URL: z
      .string()
      .url()
      .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL')
      .optional(),
    ALERT_WEBHOOK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    /** Unacknowledged this long, an alert goes to the next person of the rota. */
    ALERT_ESCALATION_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    /** How often the alert scheduler escalates, delivers and looks for overdue cases. */
    ALERT_TICK_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
    /** How often the head of the audit log is signed (skipped when nothing was logged since); also at once after a security-relevant event. */
    AUDIT_CHECKPOINT_MINUTES: z.coerce
      .number()
      .min(0.05)
      .max(7 * 24 * 60)
      .default(5),
    /** Backups are encrypted to this key (`npm run backup:keygen`); its private half is kept offline, never here. */
    BACKUP_PUBLIC_KEY: z
      .string()
      .regex(/^backup-public-key\.v1\.[A-Za-z0-9_-]{43}$/, 'must be a backup-public-key.v1.… from npm run backup:keygen')
      .optional(),
    /** Where `npm run backup` writes; copy the files off the server. */
    BACKUP_DIR: z.string().min(1).default('backups'),
    /** A folder mounted from another machine: each backup is copied there once written (and pruned like BACKUP_DIR). */
    BACKUP_COPY_DIR: z.string().min(1).optional(),
    /** Backups kept (older ones deleted): bounds how long a shredded case survives in backups. */
    BACKUP_KEEP: z.coerce.number().int().min(1).max(366).default(14),
    /** The mechanism's name as staff see it on their security key's prompt (the portal may serve other mechanisms). */
    MECHANISM_NAME: z.string().trim().min(2).max(64).default('CNDH Mali'),
    /** Where researchers report a flaw (security.txt, RFC 9116); unset: no security.txt rather than a contact nobody reads. */
    SECURITY_CONTACT: z
      .string()
      .trim()
      .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'a mailto: address or an https:// URL')
      .optional(),
    /** Country (ISO 3166-1 alpha-2) hosting the server and its backups: outside Mali is a transfer in the register of processing. */
    HOSTING_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. ML')
      .default('ML'),
    /** Operational alerts: how often the checks run, and their thresholds. */
    OPS_CHECK_MINUTES: z.coerce
      .number()
      .min(0.05)
      .max(24 * 60)
      .default(10),
    BACKUP_MAX_AGE_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 366)
      .default(26),
    DISK_MIN_FREE_PERCENT: z.coerce.number().min(0).max(100).default(10),
    CHECKPOINT_EXPORT_MAX_DAYS: z.coerce.number().positive().max(366).default(7),
    /** The certificate the TLS proxy serves (PEM), to warn before it expires; unset: not checked. */
    TLS_CERT_FILE: z.string().min(1).optional(),
    TLS_MIN_DAYS: z.coerce.number().positive().max(366).default(14),
  })
  .refine((env) => env.PASSWORD_ARGON2 === 'standard' || env.NODE_ENV === 'test', {
    path: ['PASSWORD_ARGON2'],
    message: 'test and test-upgraded are accepted only with NODE_ENV=test',
  })
  .refine((env) => env.ALERT_WEBHOOK_URL === undefined || env.ALERT_WEBHOOK_SECRET !== undefined, {
    path: ['ALERT_WEBHOOK_SECRET'],
    message: 'required when ALERT_WEBHOOK_URL is set',
  })
  .refine((env) => env.STAFF_URL === undefined || (env.PUBLIC_URL !== undefined && hostOf(env.PUBLIC_URL) !== hostOf(env.STAFF_URL)), {
    // Cookies ignore ports: a staff origin on the public host name with another port would share its cookies.
    path: ['STAFF_URL'],
    message: 'needs PUBLIC_URL, on another host name',
  });

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url; // an invalid URL is reported on its own variable
  }
}
export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig extends Env {
  /** True when the portal manages its own PostgreSQL (no DATABASE_URL). */
  readonly embedded: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): AppConfig {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    // Name the variable and the reason, never echo the value (it may be a secret).
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return { ...result.data, embedded: result.data.DATABASE_URL === undefined };
}
