import { AppError } from './app-error';

/**
 * The last line of defence between PostgreSQL and the client: a database error that reaches the exception filter
 * (or a socket ack) because no validation caught the input first is mapped to a 4xx with `[{ field, reason }]`.
 * Nothing of the SQL, the parameters or the rejected value is echoed: only the column (when PostgreSQL names it)
 * and a reason in plain words. Anything not listed stays a 500 and is logged.
 */
interface PgErrorLike {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  column?: unknown;
  constraint?: unknown;
  table?: unknown;
  driverError?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The PostgreSQL error behind a TypeORM QueryFailedError or a raw pg DatabaseError, if `e` is one. */
function pgError(e: unknown): (PgErrorLike & { code: string }) | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const candidates = [(e as PgErrorLike).driverError, e];
  for (const c of candidates) {
    if (c && typeof c === 'object') {
      const code = (c as PgErrorLike).code;
      // pg's DatabaseError carries `severity` and `routine`; TypeORM copies them onto QueryFailedError.
      if (typeof code === 'string' && SQLSTATE.test(code) && 'severity' in c)
        return c as unknown as PgErrorLike & { code: string };
    }
  }
  return undefined;
}

const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/** `Key (department_id, code)=(...)` → `departmentId`, `code` (the first column names the field). */
function keyColumn(detail: unknown): string | undefined {
  const m = typeof detail === 'string' ? /^Key \(([^)]+)\)/.exec(detail) : null;
  if (!m) return undefined;
  return m[1]
    .split(',')
    .map((c) => camel(c.trim().replace(/^"|"$/g, '')))
    .join(', ');
}

function problem(
  code: 'validation-failed' | 'conflict' | 'payload-too-large',
  field: string,
  reason: string,
  message: string,
): AppError {
  return new AppError(code, message, [{ field, reason }]);
}

/** Maps a database error to an AppError with a 4xx code; undefined when `e` is not one we can blame on the input. */
export function fromDatabaseError(e: unknown): AppError | undefined {
  const pg = pgError(e);
  if (!pg) return undefined;
  const column = typeof pg.column === 'string' ? camel(pg.column) : undefined;
  const msg = typeof pg.message === 'string' ? pg.message : '';
  switch (pg.code) {
    case '22P02': {
      // invalid_text_representation: `invalid input syntax for type uuid: "x"`
      const type = /for type ([a-z ]+)/i.exec(msg)?.[1]?.trim();
      return problem(
        'validation-failed',
        column ?? 'request',
        type ? `must be a valid ${type}` : 'has an invalid format',
        'a value has an invalid format',
      );
    }
    case '22003':
      return problem('validation-failed', column ?? 'request', 'number out of range', 'a number is out of range');
    case '22001': {
      const limit = /\((\d+)\)/.exec(msg)?.[1];
      return problem(
        'validation-failed',
        column ?? 'request',
        limit ? `too long (at most ${limit} characters)` : 'too long',
        'a value is too long',
      );
    }
    case '22021': // character_not_in_repertoire: a NUL byte or an invalid UTF-8 sequence
    case '22P05': // untranslatable_character: \u0000 in jsonb
      return problem(
        'validation-failed',
        column ?? 'request',
        'contains a character that cannot be stored (NUL or an invalid Unicode sequence)',
        'a text contains a character that cannot be stored',
      );
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
      return problem('validation-failed', column ?? 'request', 'must be a valid date and time', 'invalid date');
    case '23502':
      return problem('validation-failed', column ?? 'request', 'is required', 'a required value is missing');
    case '23503': {
      const field = keyColumn(pg.detail) ?? column ?? 'request';
      // "insert or update ... violates" = the row refers to something missing; "update or delete ... is still
      // referenced" = something else still refers to this row.
      if (/is still referenced/.test(String(pg.detail ?? '')) || /^update or delete/.test(msg))
        return new AppError('conflict', 'other records still refer to this one', [
          { field, reason: 'still referenced' },
        ]);
      return problem('validation-failed', field, 'refers to a record that does not exist', 'unknown reference');
    }
    case '23505':
      return problem('conflict', keyColumn(pg.detail) ?? column ?? 'request', 'must be unique', 'already exists');
    case '23514':
      return problem(
        'validation-failed',
        column ?? (typeof pg.constraint === 'string' ? pg.constraint : 'request'),
        'not allowed by a rule of the data model',
        'a value is not allowed',
      );
    case '54000': // program_limit_exceeded, e.g. a value too large for an index row
      return problem('validation-failed', column ?? 'request', 'too large', 'a value is too large');
    default:
      // Any other data exception (class 22) is about a value the client sent.
      if (pg.code.startsWith('22'))
        return problem('validation-failed', column ?? 'request', 'is not a valid value', 'a value is invalid');
      return undefined;
  }
}
