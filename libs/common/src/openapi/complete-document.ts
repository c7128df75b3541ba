import type { OpenAPIObject } from '@nestjs/swagger';
import { DEFAULT_JSON_LIMIT_BYTES, JSON_BODY_LIMIT_EXTENSION } from '../body-limits';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_REF = { $ref: '#/components/schemas/ErrorBodyDto' };

const errorResponse = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: ERROR_REF } },
});

/**
 * What every operation shares and no controller should have to repeat: the `{ error, message, details }` answers a
 * route can give (401/403 when it needs a token, 400 when it takes input, 404 when it names a resource, 409 when
 * it changes state, 413/415 when it takes a body), and a request example assembled from the properties' examples.
 * Operations may declare their own answers for the same status; those are kept.
 */
export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Json>;
  // a response model that sharpens a JSON column (EntityApiModel) keeps the column's free-form keywords: drop them
  for (const schema of Object.values(schemas))
    for (const prop of Object.values((schema.properties ?? {}) as Record<string, Json>))
      if (Array.isArray(prop.allOf) && prop.additionalProperties === true) delete prop.additionalProperties;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Json | undefined>)[method];
      if (!op) continue;
      const responses = (op.responses ??= {}) as Record<string, Json>;
      const add = (status: string, description: string): void => {
        responses[status] ??= errorResponse(description);
      };
      const params = (op.parameters ?? []) as { in: string; name: string; schema?: Json }[];
      // every `:id` of this API is a UUID (ParseUUIDPipe): say so, so clients and fuzzers know
      for (const p of params)
        if (p.in === 'path' && p.name === 'id' && p.schema?.type === 'string' && !p.schema.format)
          p.schema.format = 'uuid';
      const secured = Array.isArray(op.security) ? op.security.length > 0 : !!doc.security?.length;
      if (op.requestBody || params.length) add('400', 'validation-failed: a field is invalid; `details` names each');
      if (secured) {
        add('401', 'unauthenticated: no token, or an expired or invalid one');
        add('403', 'forbidden: the role may not do this');
      }
      if (params.some((p) => p.in === 'path')) add('404', 'not-found: no such resource in your departments');
      if (method !== 'get') add('409', 'conflict or illegal-transition: the resource is not in a state that allows it');
      if (op.requestBody) {
        add('413', 'payload-too-large: the body exceeds this route’s limit (the message names it and the alternative)');
        add('415', 'unsupported-media-type: the body’s content type is not one this route takes');
        const content = (op.requestBody as { content?: Record<string, Json> }).content ?? {};
        const json = content['application/json'];
        if (json) op[JSON_BODY_LIMIT_EXTENSION] ??= DEFAULT_JSON_LIMIT_BYTES;
        // a JSON body whose every field is optional may be left out (the server reads a missing body as `{}`):
        // e.g. launch `{ force? }`, accept `{ comment? }`, start-pilot `{ seed? }`
        if (json && Object.keys(content).length === 1 && !hasRequiredFields(json.schema as Json | undefined, schemas))
          (op.requestBody as Json).required = false;
        if (json && json.example === undefined && json.examples === undefined) {
          const example = exampleOf(json.schema as Json | undefined, schemas, new Set());
          if (example !== undefined) json.example = example;
        }
      }
      void path;
    }
  }
  return doc;
}

/** Whether an object schema (by reference or inline) requires any field. */
function hasRequiredFields(schema: Json | undefined, schemas: Record<string, Json>): boolean {
  if (!schema) return false;
  const target =
    typeof schema.$ref === 'string' ? schemas[schema.$ref.replace('#/components/schemas/', '')] : (schema as Json);
  if (!target || target.type !== 'object') return true;
  return Array.isArray(target.required) && target.required.length > 0;
}

/** An example value for a schema, from `example` where given, else built from its properties (bounded depth). */
export function exampleOf(schema: Json | undefined, schemas: Record<string, Json>, seen: Set<string>): unknown {
  if (!schema) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return undefined;
    return exampleOf(schemas[name], schemas, new Set([...seen, name]));
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s) => exampleOf(s as Json, schemas, seen));
    return parts.every((p) => p && typeof p === 'object') ? Object.assign({}, ...parts) : parts[0];
  }
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.type === 'array') {
    const item = exampleOf(schema.items as Json | undefined, schemas, seen);
    return item === undefined ? [] : [item];
  }
  if (schema.type === 'boolean') return false;
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
    const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
    return min ?? (max !== undefined ? Math.min(1, max) : 1);
  }
  if (schema.type === 'string' && schema.pattern === undefined && schema.format === undefined) {
    const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
    const text = 'example text that is long enough';
    return text.length >= min
      ? text.slice(0, Math.min(text.length, Number(schema.maxLength ?? text.length)))
      : text.padEnd(min, '.');
  }
  if (schema.properties) {
    // the required fields (a full set of optional ones would combine fields that exclude each other, such as a
    // brief's contactListId and rows); an all-optional body shows the fields that carry an example
    const props = Object.entries(schema.properties as Record<string, Json>);
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const shown = required.size
      ? props.filter(([k]) => required.has(k))
      : props.filter(([, v]) => hasExample(v, schemas));
    const out: Json = {};
    for (const [k, v] of shown) {
      const e = exampleOf(v, schemas, seen);
      if (e !== undefined) out[k] = e;
    }
    return out;
  }
  return undefined;
}

const hasExample = (schema: Json, schemas: Record<string, Json>): boolean =>
  schema.example !== undefined ||
  (Array.isArray(schema.allOf) && schema.allOf.some((s) => hasExample(s as Json, schemas))) ||
  (typeof schema.$ref === 'string' && schemas[schema.$ref.replace('#/components/schemas/', '')]?.example !== undefined);
