import type { Connection } from 'pg';

interface CopyDataMessage {
  chunk: Buffer;
}

const CR = 13;
const LF = 10;

/**
 * `COPY (…) TO STDOUT WITH (FORMAT csv)` on a node-postgres client (a "submittable" query), read as an async
 * iterable of Buffers. PostgreSQL sends one CopyData message per row; each row is copied at once into a batch buffer
 * with its line end turned into CRLF (inside a quoted value a line break is data and stays as it is: PostgreSQL
 * quotes every value holding CR or LF, so only the row's last byte is its end). Flow control: when more than
 * `highWater` bytes wait for the reader, the socket is paused, so PostgreSQL waits instead of memory growing.
 *
 * Usage: `const copy = new CopyOut(sql); client.query(copy); for await (const buf of copy) …`. On an error or an
 * early stop the connection must be discarded (`release(true)`), which also ends the COPY on the server.
 */
export class CopyOut implements AsyncIterable<Buffer> {
  /** rows received so far */
  rows = 0;
  callback?: (err: Error | null) => void;
  private batch: Buffer;
  private used = 0;
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private done = false;
  private error: Error | null = null;
  private wake: (() => void) | null = null;
  private con: Connection | null = null;
  private paused = false;

  constructor(
    readonly text: string,
    private readonly batchBytes = 256 * 1024,
    private readonly highWater = 4 * 1024 * 1024,
  ) {
    this.batch = Buffer.allocUnsafe(batchBytes);
  }

  submit(connection: Connection): void {
    this.con = connection;
    connection.query(this.text);
  }

  handleCopyData(msg: CopyDataMessage): void {
    // the parser's buffer is reused: the row is copied now
    const row = msg.chunk;
    const n = row.length && row[row.length - 1] === LF ? row.length - 1 : row.length;
    if (this.used + n + 2 > this.batch.length) {
      this.flush();
      if (n + 2 > this.batch.length) this.batch = Buffer.allocUnsafe(Math.max(this.batchBytes, n + 2));
    }
    row.copy(this.batch, this.used, 0, n);
    this.used += n;
    this.batch[this.used++] = CR;
    this.batch[this.used++] = LF;
    this.rows++;
  }

  handleCommandComplete(): void {
    this.flush();
  }

  handleReadyForQuery(): void {
    this.flush();
    this.finish(null);
  }

  handleError(err: Error): void {
    this.finish(err);
  }

  // messages a COPY TO does not send; present because the client calls them on the active query
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {
    this.finish(new Error('COPY FROM is not supported here'));
  }

  private finish(err: Error | null): void {
    if (this.done) return;
    this.done = true;
    this.error = err;
    this.resume();
    this.callback?.(err);
    this.notify();
  }

  private flush(): void {
    if (!this.used) return;
    this.queue.push(this.batch.subarray(0, this.used));
    this.queued += this.used;
    this.batch = Buffer.allocUnsafe(this.batchBytes);
    this.used = 0;
    if (this.queued > this.highWater && !this.paused && this.con) {
      this.paused = true;
      this.con.stream.pause();
    }
    this.notify();
  }

  private resume(): void {
    if (this.paused && this.con) {
      this.paused = false;
      this.con.stream.resume();
    }
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      const next = this.queue.shift();
      if (next) {
        this.queued -= next.length;
        if (this.queued <= this.highWater / 2) this.resume();
        yield next;
        continue;
      }
      if (this.done) {
        if (this.error) throw this.error;
        return;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
