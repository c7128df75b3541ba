import { createHash, createHmac } from 'node:crypto';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
}

export interface SigV4Request {
  method: string;
  /** The URL as sent (path already encoded the way it goes on the wire). */
  url: URL;
  /** Lower-case names; `host`, `x-amz-date` and `x-amz-content-sha256` are added when missing. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (the signed payload); EMPTY_SHA256 without a body. */
  payloadSha256: string;
  now: Date;
}

const sha256hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string): Buffer => createHmac('sha256', key).update(s, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, uppercase hex. */
export const uriEncode = (s: string, keepSlash = false): string =>
  Array.from(Buffer.from(s, 'utf8'))
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) return c;
      return `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

/**
 * AWS Signature Version 4 for one request (header form). Returns the headers to send, `authorization` included.
 * S3 flavour: the path is not encoded a second time (it arrives encoded once in `url.pathname`).
 */
export function signV4(c: SigV4Credentials, r: SigV4Request): Record<string, string> {
  const service = c.service ?? 's3';
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
  };
  // the scope's day must be that of the signed x-amz-date, whoever set it
  headers['x-amz-date'] ??= r.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const amzDate = headers['x-amz-date'];
  const day = amzDate.slice(0, 8);
  headers.host ??= r.url.host;
  headers['x-amz-content-sha256'] ??= r.payloadSha256;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const query = [...r.url.searchParams.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    r.method.toUpperCase(),
    r.url.pathname || '/',
    query,
    canonicalHeaders,
    signedHeaders,
    headers['x-amz-content-sha256'],
  ].join('\n');
  const scope = `${day}/${c.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${c.secretAccessKey}`, day), c.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${c.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, ` +
    `Signature=${signature}`;
  return headers;
}
