import path from 'node:path';
import { z } from 'zod';
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

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

const envSchema = z.object({
  HINDSIGHT_HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
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
  HINDSIGHT_REVIEW_SEVERITIES: z
    .string()
    .transform(csv)
    .pipe(z.array(z.enum(severities)))
    .default(['sev1', 'sev2']),
  HINDSIGHT_REVIEW_REQUIRE_USER_FACING: bool.default(true),
  HINDSIGHT_REVIEW_LABELS: z.string().transform(csv).default(['review-requested']),
  HINDSIGHT_REVIEW_SERVICES: z.string().transform(csv).default([]),
  HINDSIGHT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

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
    reviewPolicy: {
      severities: env.HINDSIGHT_REVIEW_SEVERITIES,
      requireUserFacing: env.HINDSIGHT_REVIEW_REQUIRE_USER_FACING,
      labels: env.HINDSIGHT_REVIEW_LABELS,
      services: env.HINDSIGHT_REVIEW_SERVICES,
    },
    logLevel: env.HINDSIGHT_LOG_LEVEL,
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
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
  }
  return toConfig(parsed.data);
}
