import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';
import {
  DEFAULT_JSON_LIMIT_BYTES,
  duplicateSchemaNames,
  JSON_BODY_LIMIT_EXTENSION,
  LARGE_JSON_ROUTES,
} from '@app/common';
import { listRoutes } from '../../support/routes';
import { fetchDocument, operations, resolve, schemaValidator, type Json } from '../../support/openapi';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * The OpenAPI document is what a new user (and the web app's generated types) rely on: it must be valid, list every
 * route, and describe every body and answer. A new route or DTO that is not documented fails here: give the route
 * `@ApiOperation({ summary })` and `@ApiOkResponse({ type })` / `@ApiCreatedResponse({ type })` (response models
 * live in each library's `*.api.ts`; `EntityApiModel(Entity)` gives one per entity), and give DTO fields validators
 * (their schema is derived from them, see libs/common/src/openapi/validator-schemas.ts).
 */
const GENERATED = new URL('../../generated/dialer-api.d.ts', import.meta.url);

describe.each(['dialer', 'reporting'] as const)('the %s OpenAPI document', (kind) => {
  let t: TestApp;
  let doc: Json;
  beforeAll(async () => {
    t = await startTestApp(kind, { DIALER_RUNNER: 'false' });
    doc = await fetchDocument(t.url);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is a valid OpenAPI document', async () => {
    const res = await new Validator().validate(structuredClone(doc));
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
  });

  it('gives every DTO its own schema name (two classes of one name would share one schema)', () => {
    expect(duplicateSchemaNames()).toEqual([]);
  });

  it('lists every route the server answers', () => {
    const documented = new Set(operations(doc).map((o) => `${o.method.toUpperCase()} ${o.path}`));
    const routes = listRoutes(t.app);
    // a path mounted for every method (Nest's prefix exclusion mounts /health that way) is documented as its GET
    const everyMethod = (path: string): boolean => routes.filter((r) => r.path === path).length > 10;
    const mounted = routes
      .filter((r) => (everyMethod(r.path) ? r.method === 'GET' : r.method !== 'HEAD' && r.method !== 'OPTIONS'))
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    const missing = mounted.filter((r) => !r.includes('/api/docs') && !documented.has(r));
    expect(missing).toEqual([]);
  });

  it('gives every operation a summary, a tag, a typed answer and its error answers', () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      const at = `${method.toUpperCase()} ${path}`;
      if (!op.summary) problems.push(`${at}: no @ApiOperation({ summary })`);
      if (!op.tags?.length) problems.push(`${at}: no @ApiTags`);
      const ok = Object.entries(op.responses as Json).filter(([s]) => /^2\d\d$/.test(s));
      if (!ok.length) problems.push(`${at}: no 2xx response`);
      for (const [status, r] of ok) {
        const content = ((r as Json).content ?? {}) as Json;
        const schema = resolve(doc, content['application/json']?.schema);
        // a download (CSV, XLSX, gzip) is typed as a binary string under each content type it answers
        const files = Object.entries(content).filter(([type]) => type !== 'application/json');
        const binary =
          files.length > 0 &&
          files.every(([, c]) => (c as Json).schema?.type === 'string' && (c as Json).schema?.format === 'binary');
        if (status !== '204' && !schema && !binary)
          problems.push(`${at}: ${status} has no JSON schema (@ApiOkResponse({ type }))`);
      }
      for (const p of (op.parameters ?? []) as Json[])
        if (!p.schema?.type) problems.push(`${at}: parameter ${p.name} has no type`);
      if (op.security?.length && !op.responses['401']) problems.push(`${at}: no 401 answer`);
      if (op.requestBody && !op.responses['400']) problems.push(`${at}: no 400 answer`);
      for (const status of Object.keys(op.responses).filter((s) => /^[45]/.test(s))) {
        const schema = op.responses[status].content?.['application/json']?.schema;
        if (!schema) problems.push(`${at}: ${status} without the error body`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every schema: no empty object, every property typed', () => {
    const problems: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, Json>)) {
      if (schema.type === 'object' && !Object.keys(schema.properties ?? {}).length)
        problems.push(`${name}: no properties`);
      for (const [prop, p] of Object.entries((schema.properties ?? {}) as Record<string, Json>))
        if (!p.type && !p.$ref && !p.allOf && !p.oneOf && !p.anyOf && !p.enum)
          problems.push(`${name}.${prop}: no type`);
    }
    expect(problems).toEqual([]);
  });

  it('describes every JSON request body, with an example that matches its schema', () => {
    const check = schemaValidator(doc);
    const problems: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      const json = op.requestBody?.content?.['application/json'];
      if (!op.requestBody) continue;
      const at = `${method.toUpperCase()} ${path}`;
      if (!json) {
        if (!Object.keys(op.requestBody.content ?? {}).length) problems.push(`${at}: a body without content`);
        continue;
      }
      const schema = resolve(doc, json.schema);
      if (!schema || !Object.keys(schema.properties ?? {}).length) problems.push(`${at}: empty body schema`);
      if (json.example === undefined) problems.push(`${at}: no example`);
      else
        for (const e of check(json.schema, json.example))
          problems.push(`${at}: example ${e.instancePath || '/'} ${e.message ?? ''}`);
    }
    expect(problems).toEqual([]);
  });

  it('states each JSON body limit, the same as the server applies', () => {
    const limitOf = (method: string, path: string): number =>
      LARGE_JSON_ROUTES.find((r) => r.method === method && r.path.test(path.replace(/\{[^}]+\}/g, 'x')))?.limit ??
      DEFAULT_JSON_LIMIT_BYTES;
    const problems: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      if (!op.requestBody?.content?.['application/json']) continue;
      const documented = op[JSON_BODY_LIMIT_EXTENSION] as number | undefined;
      const applied = limitOf(method.toUpperCase(), path);
      if (documented !== applied) problems.push(`${method} ${path}: documented ${documented}, applied ${applied}`);
    }
    expect(problems).toEqual([]);
    // every larger limit belongs to a documented route (a stale LARGE_JSON_ROUTES entry would read bodies for nothing)
    if (kind === 'dialer')
      for (const r of LARGE_JSON_ROUTES)
        expect(
          operations(doc).some(
            (o) => o.method.toUpperCase() === r.method && r.path.test(o.path.replace(/\{[^}]+\}/g, 'x')),
          ),
        ).toBe(true);
  });

  it('matches the committed generated client types (UPDATE_API_TYPES=1 rewrites them)', async () => {
    if (kind !== 'dialer') return;
    const generated =
      '// Generated from the dialer OpenAPI document by test/e2e/api/openapi-document.e2e.spec.ts: do not edit.\n' +
      '// Regenerate: UPDATE_API_TYPES=1 npm run test:e2e -- --testPathPatterns openapi-document\n' +
      astToString(await openapiTS(doc as never));
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(GENERATED, generated);
    if (readFileSync(GENERATED, 'utf8') !== generated)
      throw new Error(
        'test/generated/dialer-api.d.ts no longer matches the document: run ' +
          '`UPDATE_API_TYPES=1 npm run test:e2e -- --testPathPatterns openapi-document`, check the diff, commit it',
      );
  });
});
