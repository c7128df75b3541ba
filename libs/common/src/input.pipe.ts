import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { invalid, type FieldProblem } from './app-error';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** How deep a JSON document may nest (objects and arrays). */
export const MAX_DEPTH = 32;

// PostgreSQL refuses U+0000 in text and jsonb, and the driver silently turns a lone surrogate into U+FFFD: both
// are refused (not stripped) so that what is stored is what was sent.
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
// eslint-disable-next-line no-control-regex
const SHOWN_AS_QUESTION_MARK = /[\u0000\uD800-\uDFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as it is, or undefined. */
export function badTextReason(s: string): string | undefined {
  if (NUL.test(s)) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must not contain unpaired UTF-16 surrogates';
  return undefined;
}

const join = (prefix: string, key: string): string =>
  /^\d+$/.test(key) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;

/** Every string (and object key) under `value` that cannot be stored, as `{ field, reason }` with its path. */
export function findBadText(value: unknown, path = '', out: FieldProblem[] = [], depth = 0): FieldProblem[] {
  if (out.length >= 20) return out;
  if (depth > MAX_DEPTH) {
    // Deeper than any of our documents: refused before class-transformer recurses into it (stack overflow).
    out.push({ field: path || 'body', reason: `must not be nested more than ${MAX_DEPTH} levels deep` });
    return out;
  }
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    if (reason) out.push({ field: path || 'body', reason });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findBadText(v, join(path, String(i)), out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyReason = badTextReason(k);
      if (keyReason) out.push({ field: join(path, k.replace(SHOWN_AS_QUESTION_MARK, '?')), reason: keyReason });
      else findBadText(v, join(path, k), out, depth + 1);
    }
  }
  return out;
}

/** A route parameter or query value that names a row: `id`, `agentId`, `campaignId`, ... */
const isIdName = (name: string): boolean => name === 'id' || /[a-z]Id$/.test(name);

/**
 * Runs before the validation pipe on every route, so that no hostile value reaches a service or the database:
 * - path and query values named `id` / `...Id` must be UUIDs (400 naming the parameter, instead of a database
 *   error on the uuid column);
 * - path and query values typed `number` must be integers in PostgreSQL's `int` range;
 * - a query value given twice (`?a=1&a=2`, an array) where one value is expected is refused;
 * - strings anywhere in bodies, paths and queries must not hold NUL or unpaired surrogates.
 * One global rule rather than a pipe on each route: new routes are covered without anyone remembering to.
 */
@Injectable()
export class RequestInputPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type === 'body') {
      const problems = findBadText(value);
      if (problems.length) throw invalid(problems);
      return value;
    }
    if (meta.type !== 'param' && meta.type !== 'query') return value;
    if (meta.data === undefined) {
      // The whole query or params object (a query DTO): its own validation sees types; here only the text.
      const problems = findBadText(value);
      if (problems.length) throw invalid(problems);
      return value;
    }
    const field = meta.data;
    if (value === undefined) return value;
    if (typeof value !== 'string')
      throw invalid([{ field, reason: 'must be given once, as a single value' }], `${field} must be a single value`);
    const reason = badTextReason(value);
    if (reason) throw invalid([{ field, reason }]);
    if (meta.metatype === Number) {
      const n = Number(value);
      if (!/^-?\d{1,10}$/.test(value) || n < INT32_MIN || n > INT32_MAX)
        throw invalid(
          [{ field, reason: `must be an integer between ${INT32_MIN} and ${INT32_MAX}` }],
          `${field} is not a valid integer`,
        );
    } else if (isIdName(field) && !UUID_PATTERN.test(value)) {
      throw invalid([{ field, reason: 'must be a UUID' }], `${field} must be a UUID`);
    }
    return value;
  }
}
