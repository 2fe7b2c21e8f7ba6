import path from 'node:path';
import { z } from 'zod';
import { isIP } from 'node:net';
import { roles } from '../shared/accounts/roles.js';
import { severities } from '../shared/incidents/incident.schema.js';

/**
 * The only reader of process.env. Every setting has a default that works; a bad value stops
 * start-up with a message naming each offending variable (see docs/configuration.md).
 */
const weekdayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const csv = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

const isValidZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** http only for the local machine (a test or development provider); https everywhere else. */
const isLoopbackHttpOrHttps = (value: string) => {
  if (!URL.canParse(value)) return true; // reported by z.url()
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
};

/** An IP address, or a CIDR whose prefix fits it (at most /32 for IPv4, /128 for IPv6). */
const isAddressOrCidr = (value: string) => {
  const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(value);
  const version = isIP(match?.[1] ?? '');
  if (!match || !version) return false;
  return match[2] === undefined || Number(match[2]) <= (version === 4 ? 32 : 128);
};

/** `true`/`false`, a number of proxy hops, or the proxies' addresses (IPs or CIDRs). */
const trustProxy = z
  .string()
  .transform((value, ctx): boolean | number | string[] => {
    if (['true', 'yes'].includes(value)) return true;
    if (['false', 'no', '0'].includes(value)) return false;
    if (/^\d+$/.test(value)) return Number(value);
    const addresses = csv(value);
    const bad = addresses.filter((address) => !isAddressOrCidr(address));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `must be true, false, a hop count or IP addresses/CIDRs; not ${bad.join(', ')}` });
    return addresses;
  });

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

const envSchema = z.object({
  HINDSIGHT_HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number from 0 to 65535 (decimal digits)')
    .transform(Number)
    .pipe(z.number().max(65535, 'must be a port number from 0 to 65535'))
    .default(3000),
  HINDSIGHT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  HINDSIGHT_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  HINDSIGHT_TIME_ZONE: z.string().refine(isValidZone, 'must be an IANA time zone such as Europe/Copenhagen').default('UTC'),
  HINDSIGHT_WORKING_DAYS: z
    .string()
    .transform(csv)
    .pipe(z.array(z.enum(weekdayNames)).min(1, 'must name at least one weekday (mon,tue,...)'))
    .default(['mon', 'tue', 'wed', 'thu', 'fri']),
  HINDSIGHT_HOLIDAYS: z
    .string()
    .transform(csv)
    .pipe(z.array(z.iso.date({ error: 'each holiday must be a YYYY-MM-DD date' })))
    .default([]),
  HINDSIGHT_REVIEW_DUE_WORKING_DAYS: z.coerce.number().int().min(0).max(365).default(10),
  HINDSIGHT_SOAK_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  HINDSIGHT_TRENDS_MAX_STALE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  HINDSIGHT_REVIEW_SEVERITIES: z
    .string()
    .transform(csv)
    .pipe(z.array(z.enum(severities)))
    .default(['sev1', 'sev2']),
  HINDSIGHT_REVIEW_REQUIRE_USER_FACING: bool.default(true),
  HINDSIGHT_REVIEW_LABELS: z.string().transform(csv).default(['review-requested']),
  HINDSIGHT_REVIEW_SERVICES: z.string().transform(csv).default([]),
  HINDSIGHT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HINDSIGHT_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) URL users open, e.g. https://hindsight.example.com' })
    .transform((value) => value.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  HINDSIGHT_TRUST_PROXY: trustProxy.default(false),
  HINDSIGHT_OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'must be the https URL of the OpenID provider (its issuer)' })
    .refine(isLoopbackHttpOrHttps, 'must use https (http is allowed only for localhost or 127.0.0.1)')
    .optional(),
  HINDSIGHT_OIDC_CLIENT_ID: z.string().min(1).optional(),
  HINDSIGHT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  HINDSIGHT_OIDC_DEFAULT_ROLE: z.enum(roles).default('viewer'),
  HINDSIGHT_OIDC_NAME: z.string().trim().min(1).max(60).default('Single sign-on'),
  HINDSIGHT_JOBS: z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['on', 'true', '1', 'yes'].includes(v)).default(true),
  HINDSIGHT_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  HINDSIGHT_JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  HINDSIGHT_JOB_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  HINDSIGHT_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  HINDSIGHT_JOB_DEAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Each retention must outlast the window its rows protect (retention/retention.job.ts): reminders
  // are decided for 7 days (REMINDER_WINDOW_DAYS, notifications/reminders.job.ts), senders retry within a day.
  HINDSIGHT_NOTIFICATION_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(8, 'must be at least 8: reminders are decided again for 7 days, and a delivery is what keeps one from going twice').max(3650).default(30),
  HINDSIGHT_ALERT_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(2, 'must be at least 2: a delivery id is what refuses a sender\'s replay').max(3650).default(30),
  HINDSIGHT_TRACKER_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(2, 'must be at least 2: a delivery id is what refuses a tracker\'s replay').max(3650).default(30),
  HINDSIGHT_RETENTION_BATCH_SIZE: z.coerce.number().int().min(10).max(10_000).default(500),
  HINDSIGHT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  HINDSIGHT_GLOBAL_REVIEW_DAYS: z
    .string()
    .transform(csv)
    .pipe(z.array(z.enum(weekdayNames)).min(1, 'must name at least one weekday (mon,tue,...)'))
    .default(['tue', 'thu']),
  HINDSIGHT_GLOBAL_REVIEW_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time as HH:mm, e.g. 15:00')
    .default('15:00'),
  HINDSIGHT_GLOBAL_REVIEW_MINUTES: z.coerce.number().int().min(5).max(480).default(60),
  HINDSIGHT_MEETING_MAX_ATTENDEES: z.coerce.number().int().min(1).max(500).default(8),
  HINDSIGHT_SENIOR_LEADERSHIP: z
    .string()
    .transform((value) => csv(value).map((email) => email.toLowerCase()))
    .pipe(z.array(z.email({ error: 'each entry must be an e-mail address' })))
    .default([]),
  HINDSIGHT_SHARING_INTERNAL_DOMAINS: z.string().transform(csv).default([]),
  HINDSIGHT_SHARING_PUBLIC_DOMAINS: z.string().transform(csv).default(['github.com', 'gitlab.com']),
  HINDSIGHT_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (it guards /metrics)').optional(),
  HINDSIGHT_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587' })
    .optional(),
  HINDSIGHT_SMTP_FROM: z.string().trim().min(3).max(200).default('Hindsight <hindsight@localhost>'),
  HINDSIGHT_SLACK_TOKEN: z.string().regex(/^xox[bp]-/, 'must be a Slack bot token (xoxb-...)').optional(),
  HINDSIGHT_SLACK_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be the https URL of a Slack incoming webhook' }).refine(isLoopbackHttpOrHttps, 'must use https').optional(),
  HINDSIGHT_SLACK_CHANNEL: z.string().trim().min(1).max(80).optional(),
  HINDSIGHT_SLACK_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).refine(isLoopbackHttpOrHttps, 'must use https').default('https://slack.com/api/'),
  HINDSIGHT_REMINDER_DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  HINDSIGHT_ESCALATION_WORKING_DAYS: z.coerce.number().int().min(0).max(365).default(3),
  HINDSIGHT_ESCALATION_EMAILS: z
    .string()
    .transform((value) => csv(value).map((email) => email.toLowerCase()))
    .pipe(z.array(z.email({ error: 'each entry must be an e-mail address' })))
    .default([]),
  HINDSIGHT_ESCALATION_SLACK_CHANNEL: z.string().trim().min(1).max(80).optional(),
  HINDSIGHT_DIGEST_WEEKDAY: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.enum([...weekdayNames, 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], { error: 'must be a weekday such as monday or mon' }))
    .default('monday'),
  HINDSIGHT_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  HINDSIGHT_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  HINDSIGHT_SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(600).default(1),
});

/** Rules across variables, checked on the raw values so they are listed with every other problem. */
function crossProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.HINDSIGHT_OIDC_ISSUER && !env.HINDSIGHT_OIDC_CLIENT_ID) problems.push('HINDSIGHT_OIDC_CLIENT_ID: is required when HINDSIGHT_OIDC_ISSUER is set');
  if (!env.HINDSIGHT_OIDC_ISSUER && (env.HINDSIGHT_OIDC_CLIENT_ID || env.HINDSIGHT_OIDC_CLIENT_SECRET)) {
    problems.push('HINDSIGHT_OIDC_ISSUER: is required when HINDSIGHT_OIDC_CLIENT_ID or HINDSIGHT_OIDC_CLIENT_SECRET is set');
  }
  return problems;
}

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.output<typeof envSchema>) {
  return {
    host: env.HINDSIGHT_HOST,
    port: env.PORT,
    dataDir: path.resolve(env.HINDSIGHT_DATA_DIR),
    database: env.DATABASE_URL
      ? { kind: 'postgres' as const, url: env.DATABASE_URL, poolSize: env.HINDSIGHT_DB_POOL_SIZE }
      : { kind: 'sqlite' as const, file: path.resolve(env.HINDSIGHT_DATA_DIR, 'hindsight.db') },
    calendar: {
      timeZone: env.HINDSIGHT_TIME_ZONE,
      workingWeekdays: env.HINDSIGHT_WORKING_DAYS.map((day) => (weekdayNames.indexOf(day) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7),
      holidays: env.HINDSIGHT_HOLIDAYS,
    },
    reviewDueWorkingDays: env.HINDSIGHT_REVIEW_DUE_WORKING_DAYS,
    /** When the global incident review meets, in the organisation's zone (calendar.timeZone). */
    globalReview: {
      weekdays: env.HINDSIGHT_GLOBAL_REVIEW_DAYS.map((day) => weekdayNames.indexOf(day) + 1),
      time: env.HINDSIGHT_GLOBAL_REVIEW_TIME,
      durationMinutes: env.HINDSIGHT_GLOBAL_REVIEW_MINUTES,
    },
    /** Working days an action item proposed during a review soaks before its owner decides (F12); 0: no soaking. */
    soakWorkingDays: env.HINDSIGHT_SOAK_WORKING_DAYS,
    /** How old trend figures may be when served while newer ones are computed (trends/trend-snapshots.ts); 0: always current. */
    trendsMaxStaleMs: env.HINDSIGHT_TRENDS_MAX_STALE_SECONDS * 1000,
    reviewPolicy: {
      severities: env.HINDSIGHT_REVIEW_SEVERITIES,
      requireUserFacing: env.HINDSIGHT_REVIEW_REQUIRE_USER_FACING,
      labels: env.HINDSIGHT_REVIEW_LABELS,
      services: env.HINDSIGHT_REVIEW_SERVICES,
    },
    jobs: {
      /** Whether this instance runs a worker; the API (enqueue, admin page) works either way. */
      enabled: env.HINDSIGHT_JOBS,
      concurrency: env.HINDSIGHT_JOB_CONCURRENCY,
      pollIntervalMs: env.HINDSIGHT_JOB_POLL_MS,
      retentionDays: env.HINDSIGHT_JOB_RETENTION_DAYS,
      deadRetentionDays: env.HINDSIGHT_JOB_DEAD_RETENTION_DAYS,
    },
    /** How long the domain event log keeps events (live updates only need the last moments). */
    eventRetentionDays: env.HINDSIGHT_EVENT_RETENTION_DAYS,
    /** How long bookkeeping rows are kept (retention/retention.job.ts), deleted this many rows per transaction. */
    retention: {
      notificationDeliveryDays: env.HINDSIGHT_NOTIFICATION_DELIVERY_RETENTION_DAYS,
      alertDeliveryDays: env.HINDSIGHT_ALERT_DELIVERY_RETENTION_DAYS,
      trackerDeliveryDays: env.HINDSIGHT_TRACKER_DELIVERY_RETENTION_DAYS,
      batchSize: env.HINDSIGHT_RETENTION_BATCH_SIZE,
    },
    logLevel: env.HINDSIGHT_LOG_LEVEL,
    operations: {
      /** Bearer token /metrics requires; without one, /metrics answers callers on this machine only. */
      metricsToken: env.HINDSIGHT_METRICS_TOKEN ?? null,
      /** After SIGTERM: serve (not ready, closing each connection after its answer) this long, then stop listening. */
      shutdownDrainSeconds: env.HINDSIGHT_SHUTDOWN_DRAIN_SECONDS,
      /** Then wait this long at most for requests in flight before closing their connections. */
      shutdownGraceSeconds: env.HINDSIGHT_SHUTDOWN_GRACE_SECONDS,
    },
    api: {
      /** Requests a minute per user (or per address before signing in) on /api; 0 turns limits off. */
      rateLimitPerMinute: env.HINDSIGHT_RATE_LIMIT_PER_MINUTE,
    },
    /** The review meeting's audience check (F11): advice, never a block. */
    meetings: {
      maxAttendees: env.HINDSIGHT_MEETING_MAX_ATTENDEES,
      /** E-mail addresses of the accounts the check calls senior leadership. */
      seniorLeadership: env.HINDSIGHT_SENIOR_LEADERSHIP,
    },
    /** What the external summaries' redaction finder treats as internal, and which links may stay. */
    sharing: {
      internalDomains: env.HINDSIGHT_SHARING_INTERNAL_DOMAINS,
      publicDomains: env.HINDSIGHT_SHARING_PUBLIC_DOMAINS,
    },
    /** Notifications (docs/integrations.md): each channel is on only when configured. */
    notifications: {
      smtp: env.HINDSIGHT_SMTP_URL ? { url: env.HINDSIGHT_SMTP_URL, from: env.HINDSIGHT_SMTP_FROM } : null,
      slack:
        env.HINDSIGHT_SLACK_TOKEN || env.HINDSIGHT_SLACK_WEBHOOK_URL
          ? {
              token: env.HINDSIGHT_SLACK_TOKEN ?? null,
              webhookUrl: env.HINDSIGHT_SLACK_WEBHOOK_URL ?? null,
              channel: env.HINDSIGHT_SLACK_CHANNEL ?? null,
              apiUrl: env.HINDSIGHT_SLACK_API_URL.endsWith('/') ? env.HINDSIGHT_SLACK_API_URL : `${env.HINDSIGHT_SLACK_API_URL}/`,
            }
          : null,
      /** Reminders (F3): the owner hears this many working days before a review's deadline. */
      dueSoonWorkingDays: env.HINDSIGHT_REMINDER_DUE_SOON_WORKING_DAYS,
      escalation: {
        workingDays: env.HINDSIGHT_ESCALATION_WORKING_DAYS,
        emails: env.HINDSIGHT_ESCALATION_EMAILS,
        slackChannel: env.HINDSIGHT_ESCALATION_SLACK_CHANNEL ?? null,
      },
      /** Each team's weekly digest goes on this ISO weekday (1 = Monday) at this hour, in the organisation's zone. */
      weeklyDigest: { weekday: weekdayNames.indexOf(env.HINDSIGHT_DIGEST_WEEKDAY.slice(0, 3) as (typeof weekdayNames)[number]) + 1, hour: env.HINDSIGHT_DIGEST_HOUR },
    },
    /** Slack as a timeline source (docs/integrations.md): channel history read with the bot token; off without one. */
    slack: {
      botToken: env.HINDSIGHT_SLACK_TOKEN ?? null,
      apiUrl: env.HINDSIGHT_SLACK_API_URL.endsWith('/') ? env.HINDSIGHT_SLACK_API_URL : `${env.HINDSIGHT_SLACK_API_URL}/`,
    },
    publicUrl: env.HINDSIGHT_PUBLIC_URL,
    trustProxy: env.HINDSIGHT_TRUST_PROXY,
    auth: {
      /** Cookies are marked Secure when users reach the app over https. */
      secureCookies: env.HINDSIGHT_PUBLIC_URL.startsWith('https:'),
      oidc:
        env.HINDSIGHT_OIDC_ISSUER && env.HINDSIGHT_OIDC_CLIENT_ID
          ? {
              issuer: env.HINDSIGHT_OIDC_ISSUER,
              clientId: env.HINDSIGHT_OIDC_CLIENT_ID,
              clientSecret: env.HINDSIGHT_OIDC_CLIENT_SECRET ?? null,
              defaultRole: env.HINDSIGHT_OIDC_DEFAULT_ROLE,
              name: env.HINDSIGHT_OIDC_NAME,
            }
          : null,
    },
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration; empty variables count as unset. Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`)),
    ...crossProblems(present),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  return toConfig(parsed.data);
}

/**
 * The first admin's password for `hindsight admin create`, when not given with --password. Read
 * here (config.ts is the only reader of the environment) but kept out of Config so that
 * `hindsight config` can never print it.
 */
export const readAdminPassword = (env: NodeJS.ProcessEnv = process.env): string | undefined => env.HINDSIGHT_ADMIN_PASSWORD || undefined;

/**
 * What the command-line client and `hindsight mcp` read from the environment: the server to talk to,
 * its API token, and where the client's config file is (docs/mcp-and-cli.md). Not server settings.
 */
export const readClientEnvironment = (env: NodeJS.ProcessEnv = process.env) => ({
  url: env.HINDSIGHT_URL || undefined,
  token: env.HINDSIGHT_TOKEN || undefined,
  configFile: env.HINDSIGHT_CLIENT_CONFIG || undefined,
  configHome: env.XDG_CONFIG_HOME || (env.HOME ? `${env.HOME}/.config` : undefined),
});
