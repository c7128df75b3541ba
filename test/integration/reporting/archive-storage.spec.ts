import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import aws4 from 'aws4';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import {
  ArchiveExistsError,
  ArchiveIntegrityError,
  LocalFolderStorage,
  readArchive,
  S3Error,
  S3Storage,
  signV4,
  type ArchiveStorage,
} from '@app/reporting';

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }; // s3rver's built-in account
const REGION = 'eu-central-1';
async function* chunks(...parts: string[]): AsyncIterable<Buffer> {
  for (const p of parts) yield Buffer.from(p, 'utf8');
}
const body = async (req: IncomingMessage): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

/**
 * s3rver (a real S3-compatible server: buckets, objects, XML errors) does not check v4 signatures, so every request
 * goes through this proxy first: it recomputes the signature with the independent `aws4` package from what arrived
 * on the wire, checks the signed payload hash against the body, and refuses a mismatch with S3's 403.
 */
function verifyingProxy(upstreamPort: number, stats: { verified: number; refused: number }): Server {
  return createServer((req, res) => {
    void (async () => {
      const payload = await body(req);
      const auth = String(req.headers.authorization ?? '');
      const m = /Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=/.exec(auth);
      const signed = m?.[4].split(';') ?? [];
      const headers = Object.fromEntries(signed.map((h) => [h, String(req.headers[h] ?? '')]));
      const expected = m
        ? aws4.sign(
            {
              host: req.headers.host,
              method: req.method,
              path: req.url,
              service: 's3',
              region: m[3],
              headers: { ...headers },
              doNotEncodePath: true,
            },
            KEY,
          ).headers?.Authorization
        : undefined;
      const payloadOk = req.headers['x-amz-content-sha256'] === sha(payload);
      if (!m || auth !== expected || !payloadOk) {
        stats.refused++;
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0"?><Error><Code>${payloadOk ? 'SignatureDoesNotMatch' : 'XAmzContentSHA256Mismatch'}` +
            `</Code><Message>refused by the test proxy</Message></Error>`,
        );
        return;
      }
      stats.verified++;
      const up = request(
        { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => res.writeHead(502).end());
      up.end(payload);
    })();
  });
}

/** What every archive storage must do: store once, read back checked, refuse to overwrite, notice tampering. */
function behavesAsArchive(make: () => ArchiveStorage, tamper: (key: string, bytes: Buffer) => Promise<void>) {
  it('stores a streamed body once and reads the same bytes back, checked against the hash', async () => {
    const s = make();
    const key = `brief-results/b1/c1-${Date.now()}.csv`;
    const stored = await s.put(key, chunks('\ufeffcontact,result\n', 'Ann,successful\n', '张伟,reached\n'));
    const expected = Buffer.from('\ufeffcontact,result\nAnn,successful\n张伟,reached\n', 'utf8');
    expect(stored).toEqual({ key, sha256: sha(expected), bytes: expected.length });
    expect(await readArchive(s, key, stored.sha256)).toEqual(expected);
  });

  it('never overwrites a key', async () => {
    const s = make();
    const key = `brief-results/b2/once-${Date.now()}.csv`;
    const first = await s.put(key, chunks('first'));
    await expect(s.put(key, chunks('second'))).rejects.toBeInstanceOf(ArchiveExistsError);
    expect((await readArchive(s, key, first.sha256)).toString()).toBe('first');
  });

  it('fails the read when the stored bytes no longer have the recorded hash', async () => {
    const s = make();
    const key = `brief-results/b3/t-${Date.now()}.csv`;
    const stored = await s.put(key, chunks('genuine results'));
    await tamper(key, Buffer.from('forged results!'));
    const err = await readArchive(s, key, stored.sha256).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ArchiveIntegrityError);
    expect(err).toMatchObject({ expected: stored.sha256, actual: sha('forged results!') });
  });
}

describe('archive storage', () => {
  describe('local folder (the embedded default)', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'archive-local-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    behavesAsArchive(
      () => new LocalFolderStorage(dir),
      (key, bytes) => writeFile(join(dir, key), bytes),
    );
  });

  describe('S3-compatible object storage (s3rver behind a SigV4-verifying proxy)', () => {
    let dir: string;
    let s3: S3rver;
    let proxy: Server;
    let endpoint: string;
    let upstream: number;
    const stats = { verified: 0, refused: 0 };
    const storage = (over: Partial<{ secretAccessKey: string; bucket: string }> = {}) =>
      new S3Storage({
        endpoint,
        bucket: over.bucket ?? 'archive',
        region: REGION,
        accessKeyId: KEY.accessKeyId,
        secretAccessKey: over.secretAccessKey ?? KEY.secretAccessKey,
        forcePathStyle: true,
      });

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'archive-s3-'));
      s3 = new S3rver({
        address: '127.0.0.1',
        port: 0,
        silent: true,
        directory: dir,
        configureBuckets: [{ name: 'archive' }],
      });
      const addr = (await s3.run()) as { port: number };
      upstream = addr.port;
      proxy = verifyingProxy(upstream, stats);
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
      endpoint = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    });
    afterAll(async () => {
      await new Promise((r) => proxy?.close(r));
      await s3?.close();
      await rm(dir, { recursive: true, force: true });
    });

    behavesAsArchive(
      () => storage(),
      async (key, bytes) => {
        // another writer replaces the object behind the archive's back (signed, straight to the server)
        const url = new URL(`http://127.0.0.1:${upstream}/archive/${key}`);
        const headers = signV4(
          { ...KEY, region: REGION },
          {
            method: 'PUT',
            url,
            headers: { 'content-length': String(bytes.length) },
            payloadSha256: sha(bytes),
            now: new Date(),
          },
        );
        await new Promise<void>((res, rej) => {
          const r = request(url, { method: 'PUT', headers }, (x) => {
            x.resume();
            if (x.statusCode === 200) res();
            else rej(new Error(`tamper PUT ${x.statusCode}`));
          });
          r.on('error', rej);
          r.end(bytes);
        });
      },
    );

    it('signed every request it sent, and the object carries its hash as metadata', async () => {
      expect(stats.verified).toBeGreaterThanOrEqual(9); // HEAD + PUT per put, GET per read
      expect(stats.refused).toBe(0);
      const s = storage();
      const key = `brief-results/meta/${Date.now()}.csv`;
      const stored = await s.put(key, chunks('with metadata'));
      const head = await new Promise<IncomingMessage>((res, rej) => {
        const url = new URL(`http://127.0.0.1:${upstream}/archive/${key}`);
        const r = request(url, {
          method: 'HEAD',
          headers: signV4(
            { ...KEY, region: REGION },
            { method: 'HEAD', url, headers: {}, payloadSha256: sha(''), now: new Date() },
          ),
        });
        r.on('response', res).on('error', rej).end();
      });
      head.resume();
      expect(head.headers['x-amz-meta-sha256']).toBe(stored.sha256);
    });

    it('is refused with a wrong secret (the proxy checks the signature) and names the S3 error', async () => {
      const before = stats.refused;
      const wrong = storage({ secretAccessKey: 'not-the-secret' });
      // the put's first request is the HEAD that checks the key is free: a HEAD answer has no body to name the error
      const err = await wrong.put(`brief-results/x/${Date.now()}.csv`, chunks('x')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(S3Error);
      expect(err).toMatchObject({ status: 403, message: expect.stringContaining('HEAD') });
      const key = `brief-results/y/${Date.now()}.csv`;
      const stored = await storage().put(key, chunks('y'));
      const read = await readArchive(wrong, key, stored.sha256).catch((e: unknown) => e);
      expect(read).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
      expect(stats.refused).toBe(before + 2);
    });

    it('reports a missing bucket as the store answers it', async () => {
      const err = await storage({ bucket: 'no-such-bucket' })
        .put(`k/${Date.now()}.csv`, chunks('x'))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 404, code: 'NoSuchBucket' });
    });
  });
});
