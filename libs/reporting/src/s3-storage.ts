import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import {
  ArchiveExistsError,
  isArchiveKey,
  verifySha256,
  type ArchiveStorage,
  type StoredObject,
} from './archive-storage';
import { EMPTY_SHA256, signV4, uriEncode } from './sigv4';

export interface S3StorageOptions {
  /** e.g. https://s3.eu-west-1.amazonaws.com, http://127.0.0.1:9000 (MinIO) */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** true: https://host/bucket/key (MinIO, most self-hosted stores); false: https://bucket.host/key */
  forcePathStyle: boolean;
  /** Folder for the spool file a put hashes before it uploads (default: the OS temporary folder). */
  spoolDir?: string;
  now?: () => Date;
}

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Sent {
  status: number;
  headers: IncomingMessage['headers'];
  body: IncomingMessage;
}

/**
 * The archive in an S3-compatible object store, over plain HTTP(S) signed with AWS Signature Version 4 (no SDK:
 * three operations do not need one). A put spools the body to a temporary file first, so the upload is signed with
 * the body's real SHA-256 (`x-amz-content-sha256`, which the store checks) and carries a content length; the same
 * hash is kept as object metadata. Immutability: `If-None-Match: *` (a store that honours conditional writes refuses
 * an existing key with 412) after a HEAD that refuses it on stores that do not. Objects over 5 GB (one PUT's limit)
 * are refused; multipart upload is not built.
 */
export class S3Storage implements ArchiveStorage {
  readonly kind = 's3';
  private readonly endpoint: URL;
  constructor(private readonly o: S3StorageOptions) {
    this.endpoint = new URL(o.endpoint);
  }

  private urlOf(key: string): URL {
    if (!isArchiveKey(key)) throw new Error(`archive: bad key ${key}`);
    const path = `/${uriEncode(key, true)}`;
    const base = this.endpoint.pathname.replace(/\/$/, '');
    const u = new URL(this.endpoint.toString());
    if (this.o.forcePathStyle) u.pathname = `${base}/${uriEncode(this.o.bucket)}${path}`;
    else {
      u.hostname = `${this.o.bucket}.${u.hostname}`;
      u.pathname = `${base}${path}`;
    }
    return u;
  }

  private send(
    method: string,
    url: URL,
    extra: Record<string, string>,
    payloadSha256: string,
    body?: Readable,
  ): Promise<Sent> {
    const headers = signV4(
      { accessKeyId: this.o.accessKeyId, secretAccessKey: this.o.secretAccessKey, region: this.o.region },
      { method, url, headers: extra, payloadSha256, now: this.o.now?.() ?? new Date() },
    );
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers });
    return new Promise<Sent>((resolve, reject) => {
      req.once('response', (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }));
      req.once('error', reject);
      if (body) {
        body.once('error', (e) => req.destroy(e));
        body.pipe(req);
      } else req.end();
    });
  }

  private static async fail(what: string, r: Sent): Promise<never> {
    let text = '';
    for await (const c of r.body) text += (c as Buffer).toString('utf8');
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? `HTTP ${r.status}`;
    const msg = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? '';
    throw new S3Error(r.status, code, `archive s3: ${what}: ${r.status} ${code}${msg ? ` ${msg}` : ''}`);
  }

  async exists(key: string): Promise<boolean> {
    const r = await this.send('HEAD', this.urlOf(key), {}, EMPTY_SHA256);
    r.body.resume();
    if (r.status === 200) return true;
    if (r.status === 404) return false;
    return S3Storage.fail(`HEAD ${key}`, r);
  }

  async put(key: string, body: AsyncIterable<Buffer | string>): Promise<StoredObject> {
    const url = this.urlOf(key);
    const dir = await mkdtemp(join(this.o.spoolDir ?? tmpdir(), 'archive-'));
    try {
      const file = join(dir, 'body');
      const hash = createHash('sha256');
      const out = createWriteStream(file, { flags: 'wx' });
      try {
        for await (const chunk of body) {
          const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          hash.update(b);
          if (!out.write(b)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
      } finally {
        out.destroy();
      }
      const sha256 = hash.digest('hex');
      const bytes = (await stat(file)).size;
      if (bytes > 5 * 1024 ** 3) throw new Error(`archive s3: ${key} is ${bytes} bytes, over one PUT's 5 GB`);
      if (await this.exists(key)) throw new ArchiveExistsError(key);
      const r = await this.send(
        'PUT',
        url,
        {
          'content-length': String(bytes),
          'content-type': 'application/octet-stream',
          'if-none-match': '*',
          'x-amz-meta-sha256': sha256,
        },
        sha256,
        createReadStream(file),
      );
      if (r.status === 412 || r.status === 409) {
        r.body.resume();
        throw new ArchiveExistsError(key);
      }
      if (r.status !== 200) return await S3Storage.fail(`PUT ${key}`, r);
      r.body.resume();
      return { key, sha256, bytes };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  open(key: string, expectedSha256?: string): Readable {
    const out = expectedSha256 ? verifySha256(key, expectedSha256) : new PassThrough();
    this.send('GET', this.urlOf(key), {}, EMPTY_SHA256).then(
      (r) => {
        if (r.status !== 200) {
          S3Storage.fail(`GET ${key}`, r).catch((e: unknown) => out.destroy(e as Error));
          return;
        }
        r.body.once('error', (e) => out.destroy(e));
        r.body.pipe(out);
      },
      (e: unknown) => out.destroy(e as Error),
    );
    return out;
  }
}
