import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs, signWebhookBody } from './webhook.worker';

describe('webhook delivery', () => {
  it('doubles the delay after each failure', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  it('signs the raw body with HMAC-SHA256 of the department secret', () => {
    const body = JSON.stringify({ event: 'brief.status-changed', briefId: 'b1' });
    const expected = createHmac('sha256', 'sekret').update(body).digest('hex');
    expect(signWebhookBody('sekret', body)).toBe(`sha256=${expected}`);
  });
});
