import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

export type Json = Record<string, any>;
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export async function fetchDocument(url: string): Promise<Json> {
  const res = await fetch(`${url}/api/docs-json`);
  if (res.status !== 200) throw new Error(`GET /api/docs-json answered ${res.status}`);
  return (await res.json()) as Json;
}

/** Every operation of a document, with its method and path template. */
export function operations(doc: Json): { method: string; path: string; op: Json }[] {
  const out: { method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json))
    for (const method of HTTP_METHODS)
      if ((item as Json)[method]) out.push({ method, path, op: (item as Json)[method] });
  return out;
}

/** Follows `$ref`s to the component they name. */
export const resolve = (doc: Json, schema: Json | undefined): Json | undefined =>
  schema?.$ref
    ? resolve(doc, doc.components.schemas[String(schema.$ref).replace('#/components/schemas/', '')])
    : schema;

/** OpenAPI 3.0 `nullable` as plain JSON Schema (Ajv refuses `nullable` without a `type`). */
function jsonSchema(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(jsonSchema);
  if (!v || typeof v !== 'object') return v;
  const o: Json = {};
  for (const [k, x] of Object.entries(v as Json)) o[k] = k === 'example' ? x : jsonSchema(x);
  if (o.nullable !== true) return o;
  const { nullable: _n, ...rest } = o;
  const composed = rest.allOf || rest.oneOf || rest.anyOf || rest.$ref;
  if (typeof rest.type === 'string' && !rest.enum && !composed) return { ...rest, type: [rest.type, 'null'] };
  return { anyOf: [rest, { type: 'null' }] };
}

/** JSON Schema validation of values against the document's schemas (OpenAPI 3.0: `nullable`, formats). */
export function schemaValidator(doc: Json): (schema: Json, value: unknown) => ErrorObject[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addFormat('binary', true);
  ajv.addFormat('byte', true);
  ajv.addSchema({ $id: 'doc', components: jsonSchema(doc.components) });
  const cache = new Map<string, ReturnType<Ajv['compile']>>();
  return (schema, value) => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      // refs inside the schema point into the document: rewrite them to the registered copy
      const rebased = JSON.parse(key.replace(/"#\/components\//g, '"doc#/components/')) as Json;
      validate = ajv.compile(jsonSchema(rebased) as Json);
      cache.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []);
  };
}

/** The documented response schema of an answer (by method, concrete path and status), if any. */
export function responseSchema(doc: Json, method: string, concretePath: string, status: number): Json | undefined {
  for (const { method: m, path, op } of operations(doc)) {
    if (m !== method.toLowerCase()) continue;
    const re = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (!re.test(concretePath)) continue;
    return op.responses?.[String(status)]?.content?.['application/json']?.schema as Json | undefined;
  }
  return undefined;
}

/**
 * Fields of an answer its schema does not name (where the schema lists its properties and does not allow others):
 * a field the server added without documenting it. Paths like `data.campaigns[0].round`.
 */
export function undocumentedFields(doc: Json, schema: Json | undefined, value: unknown, at = '$'): string[] {
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const resolve = (s: Json | undefined): Json | undefined =>
    s && typeof s.$ref === 'string' ? resolve(schemas[s.$ref.replace('#/components/schemas/', '')]) : s;
  const s = resolve(schema);
  if (!s || value === null || typeof value !== 'object') return [];
  const parts = [...((s.allOf ?? []) as Json[]), ...((s.anyOf ?? []) as Json[]), ...((s.oneOf ?? []) as Json[])];
  if (parts.length) {
    // a composed schema: a field is documented when any part names it
    const props = new Set<string>();
    let open = false;
    for (const p of parts.map(resolve)) {
      if (!p) continue;
      if (p.type === 'object' && !p.properties) open = true;
      if (p.additionalProperties !== undefined && p.additionalProperties !== false) open = true;
      for (const k of Object.keys((p.properties ?? {}) as Json)) props.add(k);
    }
    if (Array.isArray(value)) return parts.flatMap((p) => undocumentedFields(doc, p, value, at)).slice(0, 20);
    if (open || !props.size) return [];
    const out: string[] = [];
    for (const [k, v] of Object.entries(value as Json)) {
      // a key named by no part is undocumented; else it is checked against the first part that names it
      const part = parts.map(resolve).find((p) => p && k in ((p.properties ?? {}) as Json));
      if (!part) out.push(`${at}.${k}`);
      else out.push(...undocumentedFields(doc, (part.properties as Record<string, Json>)[k], v, `${at}.${k}`));
    }
    return out;
  }
  if (Array.isArray(value))
    return value.flatMap((v, i) => undocumentedFields(doc, s.items as Json | undefined, v, `${at}[${i}]`));
  const props = (s.properties ?? {}) as Record<string, Json>;
  if (!s.properties) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Json)) {
    if (!(k in props)) {
      if (s.additionalProperties === undefined || s.additionalProperties === false) out.push(`${at}.${k}`);
      continue;
    }
    out.push(...undocumentedFields(doc, props[k], v, `${at}.${k}`));
  }
  return out;
}
