/**
 * A small typed environment reader. Each variable is declared once with its parser, default and description; the
 * same declarations produce the typed config, the `NAME=value: reason` errors and the README/.env.example tables.
 */
export interface VarSpec<T> {
  description: string;
  /** Used when the variable is unset or empty. A function may depend on other raw values. */
  default?: T | ((env: NodeJS.ProcessEnv) => T | undefined);
  parse: (raw: string) => T;
  secret?: boolean;
}

export type Schema = Record<string, VarSpec<unknown>>;
export type ConfigOf<S extends Schema> = { [K in keyof S]: S[K] extends VarSpec<infer T> ? T : never };

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

export function loadConfig<S extends Schema>(schema: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      const d =
        typeof spec.default === 'function' ? (spec.default as (e: NodeJS.ProcessEnv) => unknown)(env) : spec.default;
      if (d === undefined) {
        if (!('default' in spec)) problems.push(`${name}=: required`);
        out[name] = undefined;
      } else out[name] = d;
      continue;
    }
    try {
      out[name] = spec.parse(raw);
    } catch (e) {
      const shown = spec.secret ? '***' : raw;
      problems.push(`${name}=${shown}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (problems.length) throw new ConfigValidationError(problems);
  return out as ConfigOf<S>;
}

export const parse = {
  string:
    (opts: { minLength?: number; pattern?: RegExp; patternText?: string } = {}) =>
    (raw: string): string => {
      if (opts.minLength && raw.length < opts.minLength)
        throw new Error(`must be at least ${opts.minLength} characters`);
      if (opts.pattern && !opts.pattern.test(raw)) throw new Error(opts.patternText ?? `must match ${opts.pattern}`);
      return raw;
    },
  int:
    (min: number, max: number) =>
    (raw: string): number => {
      if (!/^-?\d+$/.test(raw.trim())) throw new Error('must be an integer');
      const n = Number(raw);
      if (n < min || n > max) throw new Error(`must be between ${min} and ${max}`);
      return n;
    },
  number:
    (min: number, max: number) =>
    (raw: string): number => {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new Error('must be a number');
      if (n < min || n > max) throw new Error(`must be between ${min} and ${max}`);
      return n;
    },
  bool: (raw: string): boolean => {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    throw new Error('must be true or false');
  },
  oneOf:
    <T extends string>(values: readonly T[]) =>
    (raw: string): T => {
      if (!(values as readonly string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}`);
      return raw as T;
    },
  url:
    (protocols: string[]) =>
    (raw: string): string => {
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        throw new Error(`must be a URL (${protocols.map((p) => `${p}//...`).join(' or ')})`);
      }
      if (!protocols.includes(u.protocol)) throw new Error(`must use ${protocols.join(' or ')}, not ${u.protocol}`);
      if (!u.hostname) throw new Error('must name a host');
      return raw;
    },
};

/** Markdown table of the variables, for docs. */
export function describeSchema(schema: Schema): string {
  const rows = Object.entries(schema).map(([name, s]) => {
    const d = typeof s.default === 'function' ? '(derived)' : s.default === undefined ? '' : String(s.default);
    return `| \`${name}\` | ${d === '' ? '—' : `\`${d}\``} | ${s.description} |`;
  });
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
