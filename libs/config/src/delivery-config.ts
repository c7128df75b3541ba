import { parse, type Schema } from './config-schema';

const SMTP_URL = parse.url(['smtp:', 'smtps:']);
const isAws = (endpoint: string | undefined): boolean =>
  !endpoint || /(^|\.)amazonaws\.com(\.cn)?$/.test(hostOf(endpoint));
const hostOf = (u: string): string => {
  try {
    return new URL(u).hostname;
  } catch {
    return '';
  }
};

/** The reporting server's results delivery: links, mail (SMTP) and the archive storage. */
export const DELIVERY_CONFIG = {
  REPORTING_PUBLIC_URL: {
    description:
      'Base URL of the reporting server as recipients reach it, for the download links in mails and webhooks. Default: http://localhost:PORT',
    default: undefined,
    parse: parse.url(['http:', 'https:']),
  },
  DELIVERY_INTERVAL_SECONDS: {
    description:
      'How often the delivery job looks for completed campaigns to deliver (0: only when run through the API)',
    default: 60,
    parse: parse.int(0, 24 * 3600),
  },
  ABANDON_WINDOWS_REFRESH_SECONDS: {
    description:
      'How often the rolling abandon-window summaries of the compliance report are brought up to date (0: never by the server)',
    default: 5,
    parse: parse.int(0, 3600),
  },
  DELIVERY_LINK_TTL_DAYS: {
    description: 'Days a signed download link in a mail or webhook stays valid (signed with JWT_SECRET)',
    default: 30,
    parse: parse.int(1, 5 * 366),
  },
  SMTP_URL: {
    description: 'Mail server as a URL, e.g. smtps://user:password@mail.example.com:465. Or use SMTP_HOST and friends',
    default: undefined,
    parse: SMTP_URL,
    secret: true,
  },
  SMTP_HOST: {
    description: 'Mail server host (unset, with no SMTP_URL: no mail)',
    default: undefined,
    parse: parse.string(),
  },
  SMTP_PORT: { description: 'Mail server port', default: 587, parse: parse.int(1, 65535) },
  SMTP_SECURE: {
    description: 'TLS from the first byte (port 465); false: STARTTLS when the server offers it',
    default: (env: NodeJS.ProcessEnv) => env.SMTP_PORT === '465',
    parse: parse.bool,
  },
  SMTP_USER: { description: 'Mail server user (unset: no authentication)', default: undefined, parse: parse.string() },
  SMTP_PASSWORD: { description: 'Mail server password', default: undefined, parse: parse.string(), secret: true },
  SMTP_FROM: {
    description: 'Sender of result mails, e.g. "Dialer reports <reports@example.com>" (required with SMTP)',
    default: undefined,
    parse: parse.string({ minLength: 3 }),
  },
  ARCHIVE_S3_BUCKET: {
    description: 'Bucket of the archive in S3-compatible object storage. Unset: a local folder beside the database',
    default: undefined,
    parse: parse.string({ pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, patternText: 'must be an S3 bucket name' }),
  },
  ARCHIVE_S3_ENDPOINT: {
    description: 'S3 endpoint, e.g. http://127.0.0.1:9000 (MinIO). Default: AWS https://s3.REGION.amazonaws.com',
    default: undefined,
    parse: parse.url(['http:', 'https:']),
  },
  ARCHIVE_S3_REGION: { description: 'S3 region (signing scope)', default: 'us-east-1', parse: parse.string() },
  ARCHIVE_S3_ACCESS_KEY_ID: { description: 'S3 access key id', default: undefined, parse: parse.string() },
  ARCHIVE_S3_SECRET_ACCESS_KEY: {
    description: 'S3 secret access key',
    default: undefined,
    parse: parse.string(),
    secret: true,
  },
  ARCHIVE_S3_FORCE_PATH_STYLE: {
    description: 'Path-style URLs (endpoint/bucket/key). Default: true for a non-AWS endpoint',
    default: (env: NodeJS.ProcessEnv) => !isAws(env.ARCHIVE_S3_ENDPOINT),
    parse: parse.bool,
  },
} satisfies Schema;

/** Rules across the delivery variables. */
export function deliveryProblems(c: {
  SMTP_URL?: string;
  SMTP_HOST?: string;
  SMTP_FROM?: string;
  SMTP_PASSWORD?: string;
  SMTP_USER?: string;
  ARCHIVE_S3_BUCKET?: string;
  ARCHIVE_S3_ACCESS_KEY_ID?: string;
  ARCHIVE_S3_SECRET_ACCESS_KEY?: string;
}): string[] {
  const problems: string[] = [];
  if ((c.SMTP_URL || c.SMTP_HOST) && !c.SMTP_FROM) problems.push('SMTP_FROM=: required when SMTP is configured');
  if (c.SMTP_URL && c.SMTP_HOST) problems.push('SMTP_HOST=: give SMTP_URL or SMTP_HOST, not both');
  if (c.SMTP_USER && !c.SMTP_PASSWORD) problems.push('SMTP_PASSWORD=: required with SMTP_USER');
  if (c.ARCHIVE_S3_BUCKET && !(c.ARCHIVE_S3_ACCESS_KEY_ID && c.ARCHIVE_S3_SECRET_ACCESS_KEY))
    problems.push(
      'ARCHIVE_S3_ACCESS_KEY_ID=: ARCHIVE_S3_ACCESS_KEY_ID and ARCHIVE_S3_SECRET_ACCESS_KEY are required with ARCHIVE_S3_BUCKET',
    );
  return problems;
}
