import { hostname } from 'node:os';
import { ConfigValidationError, loadConfig, parse, type ConfigOf, type Schema } from './config-schema';
import { DELIVERY_CONFIG, deliveryProblems } from './delivery-config';

const postgresUrl = parse.url(['postgres:', 'postgresql:']);

/** Express's `trust proxy` values, checked: a wrong address would otherwise silently trust nobody or everybody. */
export function parseTrustProxy(raw: string): boolean | number | string[] {
  const v = raw.trim().toLowerCase();
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n > 10) throw new Error('a hop count must be between 0 and 10');
    return n;
  }
  const items = v.split(',').map((x) => x.trim());
  const ipv4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
  const ipv6 = /^[0-9a-f:]+(\/\d{1,3})?$/;
  for (const x of items)
    if (!['loopback', 'linklocal', 'uniquelocal'].includes(x) && !ipv4.test(x) && !(x.includes(':') && ipv6.test(x)))
      throw new Error(`"${x}" is not an address, a CIDR, loopback, linklocal or uniquelocal`);
  return items;
}

/** Variables both servers read. */
const shared = {
  HOST: { description: 'Interface to listen on', default: '0.0.0.0', parse: parse.string() },
  DATABASE_URL: {
    description: 'PostgreSQL URL. Unset: start the embedded PostgreSQL under EMBEDDED_PG_DIR',
    default: undefined,
    parse: postgresUrl,
    secret: false,
  },
  DATABASE_MIGRATIONS_RUN: { description: 'Run pending migrations at start', default: true, parse: parse.bool },
  DATABASE_POOL_SIZE: { description: 'Connections per process', default: 20, parse: parse.int(2, 500) },
  EMBEDDED_PG_DIR: {
    description: 'Data folder of the embedded PostgreSQL (git-ignored)',
    default: '.data/postgres',
    parse: parse.string(),
  },
  EMBEDDED_PG_PORT: { description: 'Port of the embedded PostgreSQL', default: 54329, parse: parse.int(1024, 65535) },
  JWT_SECRET: {
    description:
      'Secret that signs access tokens (32+ characters). Unset with the embedded database: generated once under .data/',
    default: undefined,
    parse: parse.string({ minLength: 32 }),
    secret: true,
  },
  JWT_TTL_SECONDS: { description: 'Access token lifetime', default: 8 * 3600, parse: parse.int(60, 7 * 24 * 3600) },
  REFRESH_TTL_SECONDS: {
    description: 'Lifetime of the browser app refresh cookie (dialer_refresh)',
    default: 14 * 24 * 3600,
    parse: parse.int(300, 90 * 24 * 3600),
  },
  LOG_LEVEL: {
    description: 'error, warn, log, debug or verbose',
    default: 'log',
    parse: parse.oneOf(['error', 'warn', 'log', 'debug', 'verbose'] as const),
  },
  API_DOCS: {
    description: 'Serve the OpenAPI document at /api/docs and /api/docs-json. Default: true unless NODE_ENV=production',
    default: (env: NodeJS.ProcessEnv) => env.NODE_ENV !== 'production',
    parse: parse.bool,
  },
  TRUST_PROXY: {
    description:
      "Behind a reverse proxy: which X-Forwarded-For hops to believe for the client's address (login throttle, audit) and https: false (default: the socket's own address), true (any), a hop count, or addresses/CIDRs (comma list; loopback, linklocal, uniquelocal)",
    default: false,
    parse: parseTrustProxy,
  },
} satisfies Schema;

export const DIALER_CONFIG = {
  PORT: { description: 'HTTP port of the dialer (REST, sockets, pages)', default: 3000, parse: parse.int(0, 65535) },
  ...shared,
  SEED_DEMO: {
    description: 'Seed the demo department, users, brief and campaign. Default: true with the embedded database',
    default: (env: NodeJS.ProcessEnv) => !env.DATABASE_URL,
    parse: parse.bool,
  },
  DEMO_PASSWORD: {
    description: 'Password of the seeded demo users. Unset: a random one, printed at start and kept in .data/',
    default: undefined,
    parse: parse.string({ minLength: 8 }),
    secret: true,
  },
  ARI_URL: {
    description: 'Asterisk ARI base URL, e.g. http://asterisk:8088. Unset: the built-in simulator and demo run',
    default: undefined,
    parse: parse.url(['http:', 'https:']),
  },
  ARI_USERNAME: { description: 'ARI user (ari.conf)', default: 'dialer', parse: parse.string() },
  ARI_PASSWORD: {
    description: 'ARI password (required with ARI_URL)',
    default: undefined,
    parse: parse.string({ minLength: 1 }),
    secret: true,
  },
  ARI_APP: {
    description: 'Stasis application name',
    default: 'dialer',
    parse: parse.string({ pattern: /^[A-Za-z0-9_-]+$/, patternText: 'letters, digits, - and _ only' }),
  },
  SIM_PORT: {
    description: 'Port of the in-process ARI simulator (demo mode, no ARI_URL)',
    default: 8088,
    parse: parse.int(0, 65535),
  },
  DEMO_DIALING: { description: 'Run the demo campaign when the simulator is used', default: true, parse: parse.bool },
  DIALER_INSTANCE_ID: {
    description: 'Name of this dialer process in leases',
    default: () => `${hostname()}-${process.pid}`,
    parse: parse.string(),
  },
  ARI_OUTBOUND_ENDPOINT: {
    description:
      'Dial string of a customer number: {number} is the E.164 number (+4420...), {digits} the same without +',
    default: 'PJSIP/{number}@carrier',
    parse: parse.string({ minLength: 1 }),
  },
  DIALER_TICK_MS: {
    description: 'Pacing step of each running campaign (the engine decides how many calls to place every tick)',
    default: 500,
    parse: parse.int(50, 1000),
  },
  DIALER_LEASE_SECONDS: {
    description:
      'Campaign and contact leases last this long and are renewed every third of it; a dead dialer is taken over after it',
    default: 15,
    parse: parse.int(2, 600),
  },
  DIALER_RUNNER: {
    description: 'Run campaigns in this process (false: serve the API and agent sessions only)',
    default: true,
    parse: parse.bool,
  },
  IMPORT_MAX_BYTES: {
    description: 'Largest list upload accepted, in bytes (refused with 413 beyond it, also while streaming)',
    default: 100 * 1024 * 1024,
    parse: parse.int(1024, 2 * 1024 * 1024 * 1024),
  },
  IMPORT_MAX_UNPACKED_BYTES: {
    description:
      'What one XLSX upload may unpack to, in bytes (refused with 413 beyond it; a zip bomb stops there). Shared strings are capped at 64 MB, one cell at 256 KB',
    default: 512 * 1024 * 1024,
    parse: parse.int(1024 * 1024, 4 * 1024 * 1024 * 1024),
  },
  REVIEW_SLA_WORKING_DAYS: {
    description: 'Working days before an unreviewed brief is flagged',
    default: 2,
    parse: parse.int(1, 60),
  },
  SHUTDOWN_DRAIN_SECONDS: {
    description:
      'On SIGTERM/SIGINT: no new calls, live calls may finish for this long, then they are ended (interrupted)',
    default: 30,
    parse: parse.int(0, 3600),
  },
  REPORTING_URL: {
    description:
      'Where the dialer forwards /api/reports (the reporting app). Unset: the reporting app started in this process on REPORTING_PORT',
    default: undefined,
    parse: parse.url(['http:', 'https:']),
  },
  REPORTING_PORT: {
    description:
      "Port of the reporting app started in the dialer's process (0: any free port); taken: a free one, with a warning",
    default: 3001,
    parse: parse.int(0, 65535),
  },
  REPORTING_WITH_DIALER: {
    description:
      "Start the reporting app in the dialer's process, on the same database and JWT secret (ignored when REPORTING_URL is set)",
    default: true,
    parse: parse.bool,
  },
} satisfies Schema;

export const REPORTING_CONFIG = {
  PORT: { description: 'HTTP port of the reporting server', default: 3001, parse: parse.int(0, 65535) },
  REPORTING_DATABASE_URL: {
    description: 'PostgreSQL URL the reports read through (a read replica, say). Unset: the main database',
    default: undefined,
    parse: postgresUrl,
    secret: false,
  },
  REPORTING_DATABASE_POOL_SIZE: {
    description: 'Connections of the reports pool (with REPORTING_DATABASE_URL)',
    default: 10,
    parse: parse.int(1, 500),
  },
  ...shared,
  ...DELIVERY_CONFIG,
} satisfies Schema;

export type DialerConfig = ConfigOf<typeof DIALER_CONFIG>;
export type ReportingConfig = ConfigOf<typeof REPORTING_CONFIG>;

export function loadDialerConfig(env: NodeJS.ProcessEnv = process.env): DialerConfig {
  const c = loadConfig(DIALER_CONFIG, env);
  crossCheck(c);
  return c;
}

export function loadReportingConfig(env: NodeJS.ProcessEnv = process.env): ReportingConfig {
  const c = loadConfig(REPORTING_CONFIG, env);
  crossCheck(c);
  const delivery = deliveryProblems(c);
  if (delivery.length) throw new ConfigValidationError(delivery);
  return c;
}

/** Rules that involve two variables. */
function crossCheck(c: { DATABASE_URL?: string; JWT_SECRET?: string; ARI_URL?: string; ARI_PASSWORD?: string }): void {
  const problems: string[] = [];
  if (c.DATABASE_URL && !c.JWT_SECRET) problems.push('JWT_SECRET=: required when DATABASE_URL is set');
  if (c.ARI_URL && !c.ARI_PASSWORD) problems.push('ARI_PASSWORD=: required when ARI_URL is set');
  if (problems.length) throw new ConfigValidationError(problems);
}
