import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed download links for archived files, for readers without a token (a mail recipient, a department's webhook
 * receiver): `/api/reports/archives/:id/file?expires=<unix seconds>&signature=<hex>` where the signature is
 * HMAC-SHA256 over `<id>.<expires>` with a key derived from JWT_SECRET. Anyone holding the link may fetch that
 * one file until it expires; the bytes are checked against the recorded hash on the way out.
 */
export class DownloadLinks {
  private readonly key: Buffer;
  constructor(
    secret: string,
    private readonly baseUrl: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = createHmac('sha256', secret).update('archive-download-link').digest();
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${id}.${expires}`).digest('hex');
  }

  /** Absolute URL valid for the configured time from `now`. */
  link(id: string, now: Date): string {
    const expires = Math.floor(now.getTime() / 1000) + this.ttlSeconds;
    return `${this.baseUrl.replace(/\/$/, '')}/api/reports/archives/${id}/file?expires=${expires}&signature=${this.sign(id, expires)}`;
  }

  /** Whether a link's parameters are genuine and not expired. */
  verify(id: string, expires: number, signature: string, now: Date): boolean {
    if (!Number.isSafeInteger(expires) || expires * 1000 < now.getTime()) return false;
    const want = Buffer.from(this.sign(id, expires), 'hex');
    const got = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
    return got.length === want.length && timingSafeEqual(got, want);
  }
}
export const DOWNLOAD_LINKS = Symbol('DOWNLOAD_LINKS');
