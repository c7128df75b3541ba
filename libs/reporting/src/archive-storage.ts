import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  sha256: string;
  bytes: number;
}

/**
 * Where archived files go: written once, never overwritten. A local folder is the embedded default; an
 * S3-compatible object store is the scale path (same three operations).
 */
export interface ArchiveStorage {
  put(key: string, body: AsyncIterable<Buffer | string>): Promise<StoredObject>;
  open(key: string): Readable;
}
export const ARCHIVE_STORAGE = Symbol('ARCHIVE_STORAGE');

/** Keys are relative paths of letters, digits, `-`, `_`, `.` and `/` (no `..`). */
export const isArchiveKey = (key: string): boolean =>
  /^[A-Za-z0-9_][A-Za-z0-9_./-]{0,299}$/.test(key) && !key.split('/').includes('..');

export class LocalFolderStorage implements ArchiveStorage {
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
      await link(tmp, final); // EEXIST when the key was written before: archives are immutable
    } finally {
      out.destroy();
      await rm(tmp, { force: true });
    }
    return { key, sha256: hash.digest('hex'), bytes };
  }

  open(key: string): Readable {
    return createReadStream(this.path(key));
  }
}
