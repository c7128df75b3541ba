import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  sha256: string;
  bytes: number;
}

/**
 * Where archived files go: written once, never overwritten. A local folder is the embedded default; an
 * S3-compatible object store is the scale path (same operations). `open` with the recorded hash checks it while
 * the bytes stream: a file changed behind our back ends the stream with ArchiveIntegrityError instead of a clean end.
 */
export interface ArchiveStorage {
  readonly kind: 'local' | 's3';
  /** Stores `body` under `key`; throws ArchiveExistsError when the key exists (archives are immutable). */
  put(key: string, body: AsyncIterable<Buffer | string>): Promise<StoredObject>;
  open(key: string, expectedSha256?: string): Readable;
}
export const ARCHIVE_STORAGE = Symbol('ARCHIVE_STORAGE');

export class ArchiveExistsError extends Error {
  constructor(readonly key: string) {
    super(`archive: ${key} exists (archives are never overwritten)`);
  }
}

export class ArchiveIntegrityError extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`archive: ${key} has sha256 ${actual}, recorded ${expected}`);
  }
}

/** Keys are relative paths of letters, digits, `-`, `_`, `.` and `/` (no `..`). */
export const isArchiveKey = (key: string): boolean =>
  /^[A-Za-z0-9_][A-Za-z0-9_./-]{0,299}$/.test(key) && !key.split('/').includes('..');

/** Passes bytes through, hashing them; fails at the end when the hash is not the recorded one. */
export function verifySha256(key: string, expected: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest('hex');
      done(actual === expected ? null : new ArchiveIntegrityError(key, expected, actual));
    },
  });
}

/** Reads a whole archived file, checked against its recorded hash (mail attachments, tests). */
export async function readArchive(storage: ArchiveStorage, key: string, sha256: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of storage.open(key, sha256)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

export class LocalFolderStorage implements ArchiveStorage {
  readonly kind = 'local';
  private readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    if (!isArchiveKey(key)) throw new Error(`archive: bad key ${key}`);
    const p = resolve(join(this.root, key));
    if (!p.startsWith(this.root + sep)) throw new Error(`archive: key ${key} leaves the folder`);
    return p;
  }

  /** Streams to a temporary file, hashing as it goes, then links it in place (fails if the key exists). */
  async put(key: string, body: AsyncIterable<Buffer | string>): Promise<StoredObject> {
    const final = this.path(key);
    await mkdir(dirname(final), { recursive: true });
    const tmp = `${final}.${process.pid}.${Date.now()}.partial`;
    const hash = createHash('sha256');
    let bytes = 0;
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      for await (const chunk of body) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        hash.update(b);
        bytes += b.length;
        if (!out.write(b)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
      try {
        await link(tmp, final); // EEXIST when the key was written before: archives are immutable
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ArchiveExistsError(key);
        throw e;
      }
    } finally {
      out.destroy();
      await rm(tmp, { force: true });
    }
    return { key, sha256: hash.digest('hex'), bytes };
  }

  open(key: string, expectedSha256?: string): Readable {
    const file = createReadStream(this.path(key));
    if (!expectedSha256) return file;
    const check = verifySha256(key, expectedSha256);
    file.on('error', (e) => check.destroy(e));
    return file.pipe(check);
  }
}
