import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadReportingConfig } from './index';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadReportingConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigValidationError');
};

describe('reporting delivery settings', () => {
  it('has no mail and a local archive by default', () => {
    const c = loadReportingConfig({});
    expect(c).toMatchObject({ SMTP_PORT: 587, SMTP_SECURE: false, DELIVERY_INTERVAL_SECONDS: 60 });
    expect(c.SMTP_HOST).toBeUndefined();
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.ARCHIVE_S3_BUCKET).toBeUndefined();
  });

  it('needs a sender with SMTP, a password with a user, and one way of naming the server; hides secrets', () => {
    expect(problemsOf({ SMTP_HOST: 'mail.example.com' })).toEqual(['SMTP_FROM=: required when SMTP is configured']);
    expect(problemsOf({ SMTP_HOST: 'mail.example.com', SMTP_FROM: 'r@example.com', SMTP_USER: 'u' })).toEqual([
      'SMTP_PASSWORD=: required with SMTP_USER',
    ]);
    expect(
      problemsOf({ SMTP_URL: 'smtp://u:p@mail.example.com:587', SMTP_HOST: 'mail.example.com', SMTP_FROM: 'r@x.io' }),
    ).toEqual(['SMTP_HOST=: give SMTP_URL or SMTP_HOST, not both']);
    expect(problemsOf({ SMTP_URL: 'http://u:secret@mail.example.com' })).toEqual([
      expect.stringMatching(/^SMTP_URL=\*\*\*: must use smtp: or smtps:/),
    ]);
    expect(
      loadReportingConfig({ SMTP_HOST: 'mail.example.com', SMTP_PORT: '465', SMTP_FROM: 'r@x.io' }).SMTP_SECURE,
    ).toBe(true);
  });

  it('needs keys with an S3 bucket; path-style by default for a non-AWS endpoint only', () => {
    expect(problemsOf({ ARCHIVE_S3_BUCKET: 'archive' })).toEqual([
      expect.stringMatching(/^ARCHIVE_S3_ACCESS_KEY_ID=: .* required with ARCHIVE_S3_BUCKET/),
    ]);
    expect(
      problemsOf({
        ARCHIVE_S3_BUCKET: 'Not_A_Bucket',
        ARCHIVE_S3_ACCESS_KEY_ID: 'k',
        ARCHIVE_S3_SECRET_ACCESS_KEY: 's',
      }),
    ).toEqual(['ARCHIVE_S3_BUCKET=Not_A_Bucket: must be an S3 bucket name']);
    const keys = { ARCHIVE_S3_BUCKET: 'archive', ARCHIVE_S3_ACCESS_KEY_ID: 'k', ARCHIVE_S3_SECRET_ACCESS_KEY: 's' };
    expect(
      loadReportingConfig({ ...keys, ARCHIVE_S3_ENDPOINT: 'http://127.0.0.1:9000' }).ARCHIVE_S3_FORCE_PATH_STYLE,
    ).toBe(true);
    expect(loadReportingConfig(keys).ARCHIVE_S3_FORCE_PATH_STYLE).toBe(false);
    expect(
      loadReportingConfig({ ...keys, ARCHIVE_S3_ENDPOINT: 'https://s3.eu-west-1.amazonaws.com' })
        .ARCHIVE_S3_FORCE_PATH_STYLE,
    ).toBe(false);
  });
});
