import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
// class-transformer keeps `@Type(() => X)` here (the same module its `Type` decorator writes to); it is the only
// place that knows the element class of a nested array. The deep path has no type declarations.
// @ts-expect-error -- untyped deep import, shape declared below
import { defaultMetadataStorage as typeStorage } from 'class-transformer/cjs/storage';

/** Any class (what decorators and metadata stores are keyed by). */
type AnyClass = abstract new (...args: never[]) => unknown;

const defaultMetadataStorage = typeStorage as {
  findTypeMetadata(target: AnyClass, property: string): { typeFunction(): AnyClass } | undefined;
};

/**
 * Why this file exists: the build (swc) never runs the Nest swagger CLI plugin, so a DTO property without an
 * explicit `@ApiProperty` is invisible in /api/docs-json (every body was `{"properties":{}}`). The class-validator
 * decorators on a DTO already say everything the document needs (type, required, limits, enums, patterns, nested
 * classes), so before the document is built each DTO's rules are turned into `@ApiProperty` metadata. An explicit
 * `@ApiProperty({ ... })` on the same property wins key by key (use it for examples, descriptions, and shapes a
 * validator cannot tell, e.g. a free-form JSON object). A new DTO is documented as soon as it has validators.
 */

const MODEL_PROPERTIES = 'swagger/apiModelProperties';
const MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

export type DerivedSchema = Record<string, unknown>;

const BUILTIN_TYPES = new Set<unknown>([String, Number, Boolean, Object, Array, Date, undefined]);

const source = (c: unknown): string | undefined =>
  c instanceof RegExp ? c.source : typeof c === 'string' ? c : undefined;

/** JSON schema keywords for one class-validator rule (type, format, limits); undefined for rules without a schema. */
function ruleSchema(m: ValidationMetadata): DerivedSchema | undefined {
  const c = m.constraints ?? [];
  switch (m.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isObject':
      // free-form unless the property says more (a DTO's own @ApiProperty wins key by key)
      return { type: 'object', additionalProperties: true };
    case 'isArray':
      return { type: 'array' };
    case 'isIn':
      return { enum: [...(c[0] as unknown[])], type: typeof (c[0] as unknown[])[0] === 'number' ? 'number' : 'string' };
    case 'isEnum':
      return { enum: Object.values(c[0] as object), type: 'string' };
    case 'minLength':
      return { minLength: c[0] };
    case 'maxLength':
      return { maxLength: c[0] };
    case 'isLength':
      return { minLength: c[0], ...(c[1] !== undefined ? { maxLength: c[1] } : {}) };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'arrayNotEmpty':
      return { minItems: 1 };
    case 'isPositive':
      return { exclusiveMinimum: true, minimum: 0 };
    case 'isTimeZone':
      return { type: 'string', description: 'IANA time zone name', example: 'Europe/London' };
    case 'min':
      return { minimum: c[0] };
    case 'max':
      return { maximum: c[0] };
    case 'matches':
      return { type: 'string', pattern: source(c[0]) };
    case 'isEmail':
      return { type: 'string', format: 'email', example: 'someone@example.com' };
    case 'isUuid':
      return { type: 'string', format: 'uuid', example: '3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10' };
    case 'isUrl':
      return { type: 'string', format: 'uri', example: 'https://example.com/hooks/dialer' };
    case 'isDateString':
    case 'isIso8601':
    case 'isRFC3339':
      return { type: 'string', format: 'date-time', example: '2030-01-15T09:00:00Z' };
    case 'isISO31661Alpha2':
      return { type: 'string', pattern: '^[A-Za-z]{2}$', example: 'GB' };
    case 'arrayMinSize':
      return { minItems: c[0] };
    case 'arrayMaxSize':
      return { maxItems: c[0] };
    // the project's own rules (libs/briefs calling-windows.dto.ts, libs/campaigns campaign.dto.ts)
    case 'isIanaTimeZone':
      return { type: 'string', description: 'IANA time zone name', example: 'Europe/London' };
    case 'isFutureDate':
      return { type: 'string', format: 'date-time', description: 'ISO 8601 date-time in the future' };
    case 'isCalendarDate':
      return { type: 'string', format: 'date', example: '2030-12-25' };
    case 'isSkillMap':
      return {
        type: 'object',
        additionalProperties: { type: 'integer', minimum: 1, maximum: 10 },
        maxProperties: 50,
        description: 'skill name → minimum level 1-10',
        example: { french: 5 },
      };
    default:
      return undefined;
  }
}

const isOptionalRule = (m: ValidationMetadata): boolean =>
  m.type === 'conditionalValidation' && (m.name === 'isOptional' || m.name === undefined);

/** The schema of one property, from all its rules; `items` holds the rules marked `{ each: true }`. */
export function propertySchema(target: AnyClass, property: string, rules: ValidationMetadata[]): DerivedSchema {
  const own: DerivedSchema = {};
  const items: DerivedSchema = {};
  let required = true;
  let nested = false;
  for (const m of rules) {
    if (isOptionalRule(m)) {
      required = false;
      continue;
    }
    if (m.type === 'nestedValidation') {
      nested = true;
      continue;
    }
    const s = ruleSchema(m);
    if (!s) continue;
    const into = m.each ? items : own;
    for (const [k, v] of Object.entries(s)) if (v !== undefined && !(k in into)) into[k] = v;
  }
  const out: DerivedSchema = { required };
  const nestedType = nested ? defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction() : undefined;
  if (own.type === 'array' || Object.keys(items).length || (nested && own.type === 'array')) {
    const { type: _t, ...arrayKeys } = own;
    Object.assign(out, arrayKeys);
    if (nestedType) Object.assign(out, { type: nestedType, isArray: true });
    else Object.assign(out, { type: 'array', items: Object.keys(items).length ? items : {} });
    return out;
  }
  if (nestedType) {
    const { type: _t, ...rest } = own;
    return { ...out, ...rest, type: nestedType };
  }
  if (own.type === undefined) {
    // a rule this file does not know: fall back to the declared TypeScript type, else a free-form value
    const design = Reflect.getMetadata('design:type', target.prototype as object, property) as unknown;
    own.type = design === String ? 'string' : design === Number ? 'number' : design === Boolean ? 'boolean' : 'object';
  }
  return { ...out, ...own };
}

/** Classes that class-validator knows, parents before children (so inherited property lists stay complete). */
function validatedClasses(): Map<AnyClass, ValidationMetadata[]> {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<AnyClass | string, ValidationMetadata[]>;
  };
  const out = new Map<AnyClass, ValidationMetadata[]>();
  for (const [target, rules] of storage.validationMetadatas) if (typeof target === 'function') out.set(target, rules);
  return out;
}

const depth = (c: AnyClass): number => {
  let n = 0;
  for (let p = Object.getPrototypeOf(c); p && p !== Function.prototype; p = Object.getPrototypeOf(p)) n++;
  return n;
};

const applied = new WeakSet<AnyClass>();

/**
 * Writes `@ApiProperty` metadata derived from the validators of every class class-validator knows (idempotent).
 * Explicit `@ApiProperty` options win, except a bare design type (String, Array, Object...) that the derived
 * schema can say better.
 */
export function applyValidatorSchemas(): void {
  const classes = [...validatedClasses()].sort(([a], [b]) => depth(a) - depth(b));
  for (const [cls, rules] of classes) {
    if (applied.has(cls)) continue;
    applied.add(cls);
    const proto = cls.prototype as object;
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of rules) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    for (const [property, propertyRules] of byProperty) {
      const derived = propertySchema(cls, property, propertyRules);
      const explicit = Reflect.getOwnMetadata(MODEL_PROPERTIES, proto, property) as DerivedSchema | undefined;
      const merged: DerivedSchema = { ...derived };
      if (explicit)
        for (const [k, v] of Object.entries(explicit)) {
          if (v === undefined) continue;
          if (k === 'type' && BUILTIN_TYPES.has(v) && derived.type !== undefined) continue;
          merged[k] = v;
        }
      if (explicit && typeof explicit.type === 'function' && !BUILTIN_TYPES.has(explicit.type)) delete merged.items;
      if (merged.isArray && merged.type === 'array') delete merged.isArray;
      Reflect.defineMetadata(MODEL_PROPERTIES, merged, proto, property);
      const list = (Reflect.getOwnMetadata(MODEL_PROPERTIES_ARRAY, proto) as string[] | undefined) ?? [];
      if (!list.includes(`:${property}`))
        Reflect.defineMetadata(MODEL_PROPERTIES_ARRAY, [...list, `:${property}`], proto);
    }
  }
  // a class's own property list hides its parent's: make every list include what its parents list
  for (const [cls] of classes) {
    const proto = cls.prototype as object;
    const own = Reflect.getOwnMetadata(MODEL_PROPERTIES_ARRAY, proto) as string[] | undefined;
    const parent = Reflect.getMetadata(MODEL_PROPERTIES_ARRAY, Object.getPrototypeOf(proto) as object) as
      string[] | undefined;
    if (own && parent) Reflect.defineMetadata(MODEL_PROPERTIES_ARRAY, [...new Set([...parent, ...own])], proto);
  }
}

/**
 * Schema names used by more than one DTO class. The document keys schemas by name, so two classes called
 * `LoginDto` would share one schema and one of the routes would be documented with the other's fields; give one
 * of them `@ApiSchema({ name: 'AgentLoginDto' })`.
 */
export function duplicateSchemaNames(): string[] {
  const byName = new Map<string, Set<AnyClass>>();
  for (const cls of validatedClasses().keys()) {
    // the anonymous intermediate classes of PartialType/OmitType/PickType are never named in the document
    if (/^(Partial|Omit|Pick|Intersection)TypeClass$/.test(cls.name)) continue;
    const named = Reflect.getMetadata('swagger/apiSchema', cls) as { name?: string }[] | undefined;
    const name = named?.at(-1)?.name ?? cls.name;
    byName.set(name, (byName.get(name) ?? new Set()).add(cls));
  }
  return [...byName].filter(([, classes]) => classes.size > 1).map(([name]) => name);
}
