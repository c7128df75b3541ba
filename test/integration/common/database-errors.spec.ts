import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fromDatabaseError, HttpExceptionFilter, httpStatusOf } from '@app/common';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

// The exception filter's last line of defence, fed with real PostgreSQL errors (not hand-made objects): each
// becomes a 4xx naming the column where PostgreSQL tells it, and no SQL, parameter or value reaches the client.
describe('database errors that reach the exception filter', () => {
  let db: TestDatabase;
  let depId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const [d]: { id: string }[] = await db.ds.query(
      `INSERT INTO departments (name, code) VALUES ('Errors', 'ERRS') RETURNING id`,
    );
    depId = d.id;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const failure = async (sql: string, params: unknown[] = []): Promise<unknown> => {
    try {
      await db.ds.query(sql, params);
    } catch (e) {
      return e;
    }
    throw new Error(`expected ${sql} to fail`);
  };

  const cases: [string, string, () => unknown[], number, string][] = [
    ['22P02 invalid text representation', `SELECT * FROM briefs WHERE id = $1`, () => ['x'], 400, 'request'],
    [
      '22003 numeric out of range',
      `SELECT * FROM script_versions WHERE version = $1`,
      () => ['2147483648'],
      400,
      'request',
    ],
    [
      '23503 foreign key (missing reference)',
      `INSERT INTO users (email, display_name, password_hash, role, department_id) VALUES ('a@b.c', 'A', 'x', 'qa', $1)`,
      () => ['00000000-0000-4000-8000-000000000000'],
      400,
      'departmentId',
    ],
    ['23505 unique', `INSERT INTO departments (name, code) VALUES ('Errors', 'ERRS')`, () => [], 409, 'name'],
    [
      '22001 string too long',
      `INSERT INTO departments (name, code) VALUES ($1, 'LONG')`,
      () => ['x'.repeat(5000)],
      400,
      'request',
    ],
    [
      '22021 NUL in text',
      `INSERT INTO departments (name, code) VALUES ($1, 'NUL1')`,
      () => ['a\u0000b'],
      400,
      'request',
    ],
    ['22P05 NUL in jsonb', `SELECT $1::jsonb`, () => ['{"a":"\\u0000"}'], 400, 'request'],
    ['23503 still referenced (delete)', `DELETE FROM departments WHERE id = $1`, () => [depId], 409, 'id'],
  ];

  it.each(cases)('%s answers a 4xx with details and no SQL', async (_name, sql, params, status, field) => {
    if (_name.includes('still referenced'))
      await db.ds.query(
        `INSERT INTO users (email, display_name, password_hash, role, department_id) VALUES ('ref@b.c', 'R', 'x', 'qa', $1)`,
        [depId],
      );
    const e = await failure(sql, params());
    const mapped = fromDatabaseError(e);
    expect(mapped).toBeDefined();
    expect(httpStatusOf(mapped!.code)).toBe(status);
    expect(mapped!.details).toMatchObject([{ field, reason: expect.any(String) }]);
    const [httpStatus, body] = new HttpExceptionFilter().render(e);
    expect(httpStatus).toBe(status);
    const text = JSON.stringify(body);
    for (const leak of ['SELECT', 'INSERT', 'DELETE', 'departments', 'briefs', '$1', 'xxxx', 'Key ('])
      expect(text).not.toContain(leak);
  });

  it('leaves errors it cannot blame on the input as 500', async () => {
    const e = await failure(`SELECT * FROM no_such_table`);
    expect(fromDatabaseError(e)).toBeUndefined();
    expect(new HttpExceptionFilter().render(e)).toEqual([500, { error: 'internal', message: 'internal error' }]);
  });
});
