// Hostile values and a small bounded-concurrency HTTP runner for the fuzz tests. Table-driven rather than random:
// every run sends the same requests, so a failure names a request that can be replayed by hand.

/** Path segments, already percent-encoded as they go on the wire. */
export const HOSTILE_PATH_VALUES: string[] = [
  'not-a-uuid',
  '0',
  '-1',
  '2147483648',
  '-2147483649',
  '99999999999999999999999',
  '1.5',
  '1e309',
  'NaN',
  '%00',
  'a%00b',
  '%ED%A0%80', // a lone surrogate, CESU-8 encoded: not valid UTF-8
  '%E0%A4%A', // truncated percent-encoding
  '%C0%AF', // overlong UTF-8
  '%FF',
  'x'.repeat(3000),
  encodeURIComponent('张三😀'),
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('../../etc/passwd'),
  encodeURIComponent('{"$ne":null}'),
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '00000000-0000-4000-8000-00000000000g',
];

/** Query strings for one parameter (`name`), including repeated and bracketed forms. */
export const hostileQueries = (name: string): string[] => [
  ...HOSTILE_PATH_VALUES.map((v) => `${name}=${v}`),
  `${name}=`,
  `${name}=a&${name}=b`,
  `${name}[]=a`,
  `${name}[x]=y`,
  `${name}=${encodeURIComponent('true')}&${name}=${encodeURIComponent('false')}`,
];

const deep = (n: number): unknown => {
  let v: unknown = {};
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

/** JSON values put in place of one field of an otherwise valid body. */
export const HOSTILE_JSON_VALUES: unknown[] = [
  'not-a-uuid',
  '',
  '   ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '张三😀',
  'x'.repeat(20_000),
  '2147483648',
  2147483648,
  -2147483649,
  -1,
  0,
  1.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  null,
  [],
  ['a', 1, null],
  {},
  deep(40),
  '2026-13-45T99:99:99Z',
  '9999-12-31T23:59:59Z',
  '-infinity',
  "' OR 1=1 --",
];

/** A shorter list for fields one level down (calling windows, retry policy, pacing): keeps the run under a minute. */
export const HOSTILE_NESTED_VALUES: unknown[] = [
  '\u0000',
  '\ud800',
  'x'.repeat(20_000),
  2147483648,
  -1.5,
  null,
  [],
  {},
];

/** Whole bodies that are not what the route expects, with the content type they are sent as. */
export const HOSTILE_BODIES: { contentType: string; body: string | Buffer }[] = [
  { contentType: 'application/json', body: '{' },
  { contentType: 'application/json', body: '{"a":' },
  { contentType: 'application/json', body: '' },
  { contentType: 'application/json', body: 'null' },
  { contentType: 'application/json', body: '[]' },
  { contentType: 'application/json', body: '[{"a":1}]' },
  { contentType: 'application/json', body: '"a string"' },
  { contentType: 'application/json', body: '12345678901234567890' },
  { contentType: 'application/json', body: 'true' },
  { contentType: 'application/json', body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { contentType: 'application/json', body: '['.repeat(10_000) + ']'.repeat(10_000) },
  { contentType: 'application/json', body: '{"a":"\\u0000"}' },
  { contentType: 'application/json', body: '{"a":"\\ud800"}' },
  { contentType: 'application/json', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { contentType: 'application/json', body: '\ufeff{}' },
  { contentType: 'application/json; charset=latin1', body: '{}' },
  { contentType: 'application/json; charset=utf-16', body: '{}' },
  { contentType: 'application/json; charset=nonsense', body: '{}' },
  { contentType: 'application/json', body: `{"a":"${'x'.repeat(200_000)}"}` },
  { contentType: 'text/plain', body: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', body: 'a=1&a=2&b[c]=3' },
  { contentType: 'multipart/form-data', body: '--x\r\n' },
  { contentType: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1' },
  { contentType: 'application/xml', body: '<a/>' },
];

export interface Sent {
  method: string;
  path: string;
  what: string;
  status: number;
  body: any;
  ms?: number;
}

/** Sends one request; a transport error (the server closed the socket, it died) is reported as status 0. */
export async function send(
  base: string,
  method: string,
  path: string,
  o: { token?: string; json?: unknown; raw?: string | Buffer; contentType?: string; what?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let body: string | Buffer | undefined;
  if (o.raw !== undefined) {
    body = o.raw;
    headers['content-type'] = o.contentType ?? 'application/json';
  } else if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    headers['content-type'] = 'application/json';
  }
  const t0 = Date.now();
  try {
    const res = await fetch(base + path, { method, headers, body: body as string | Uint8Array | undefined });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { method, path, what: o.what ?? '', status: res.status, body: parsed, ms: Date.now() - t0 };
  } catch (e) {
    return { method, path, what: o.what ?? '', status: 0, body: String((e as Error).cause ?? e) };
  }
}

/** Runs the thunks with at most `n` in flight. */
export async function inParallel<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}

/** What a 4xx must look like: a stable error id, and for 400s the field and the reason. */
export function badShape(r: Sent): string | undefined {
  if (r.status === 0 || r.status >= 500) return `status ${r.status}`;
  if (r.status < 400) return undefined;
  if (typeof r.body !== 'object' || !r.body || typeof r.body.error !== 'string') return 'no { error } body';
  if (r.status === 400) {
    const d = r.body.details as { field?: unknown; reason?: unknown }[] | undefined;
    if (
      !Array.isArray(d) ||
      d.length === 0 ||
      !d.every((x) => typeof x.field === 'string' && typeof x.reason === 'string')
    )
      return `400 without [{ field, reason }]: ${JSON.stringify(r.body).slice(0, 200)}`;
  }
  return undefined;
}

/** A nested body with one field (a path of keys) replaced. */
export function withField(base: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

/** The key paths of a body: every top-level key, and the keys of nested plain objects one level down. */
export function fieldPaths(body: Record<string, unknown>): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(body)) {
    out.push([k]);
    if (v && typeof v === 'object' && !Array.isArray(v))
      for (const k2 of Object.keys(v as Record<string, unknown>)) out.push([k, k2]);
  }
  return out;
}
