import { ApiProperty } from '@nestjs/swagger';
import { getMetadataArgsStorage } from 'typeorm';

/** Any class (what decorators and metadata stores are keyed by). */
type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * A response model with one property per column of a TypeORM entity (types, nullability, lengths), so a route that
 * returns an entity (or an entity plus a few fields) documents every column without retyping it:
 *
 *   export class CampaignViewDto extends EntityApiModel(Campaign, { omit: ['leaseOwner'] }) {
 *     @ApiProperty({ enum: CAMPAIGN_STATES }) state: string;   // sharpen a column (enums are varchar in the schema)
 *     @ApiProperty({ type: [DispositionViewDto] }) dispositions: DispositionViewDto[]; // add what the view adds
 *   }
 *
 * JSON columns come out as free-form objects: override them in the subclass when their shape is known.
 */
export function EntityApiModel(entity: AnyClass, o: { omit?: readonly string[] } = {}): new () => object {
  abstract class EntityModel {}
  Object.defineProperty(EntityModel, 'name', { value: `${entity.name}EntityModel` });
  const omit = new Set(o.omit ?? []);
  const chain: unknown[] = [];
  for (let c: unknown = entity; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c))
    chain.push(c);
  for (const col of getMetadataArgsStorage().columns) {
    if (!chain.includes(col.target) || omit.has(col.propertyName)) continue;
    const opts = col.options;
    const type =
      typeof opts.type === 'string'
        ? opts.type
        : (Reflect.getMetadata('design:type', (entity as { prototype: object }).prototype, col.propertyName) as
            { name: string } | undefined);
    ApiProperty({
      ...columnSchema(col.mode, type, opts.length, opts.array === true),
      nullable: opts.nullable === true ? true : undefined,
      required: true,
    })(EntityModel.prototype, col.propertyName);
  }
  return EntityModel as unknown as new () => object;
}

function columnSchema(
  mode: string,
  type: string | { name: string } | undefined,
  length: string | number | undefined,
  array: boolean,
): Record<string, unknown> {
  if (mode === 'createDate' || mode === 'updateDate' || mode === 'deleteDate')
    return { type: 'string', format: 'date-time' };
  if (mode === 'version') return { type: 'integer' };
  const name = typeof type === 'string' ? type : type?.name;
  let s: Record<string, unknown>;
  switch (name) {
    case 'uuid':
      s = { type: 'string', format: 'uuid' };
      break;
    case 'varchar':
    case 'character varying':
    case 'text':
    case 'char':
    case 'citext':
    case 'String':
      s = { type: 'string', ...(length ? { maxLength: Number(length) } : {}) };
      break;
    case 'int':
    case 'integer':
    case 'int4':
    case 'smallint':
    case 'int2':
    case 'identity':
      s = { type: 'integer' };
      break;
    // pg returns bigint and numeric as strings (they may not fit a JS number)
    case 'bigint':
    case 'int8':
    case 'numeric':
    case 'decimal':
      s = { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' };
      break;
    case 'real':
    case 'double precision':
    case 'float':
    case 'Number':
      s = { type: 'number' };
      break;
    case 'boolean':
    case 'bool':
    case 'Boolean':
      s = { type: 'boolean' };
      break;
    case 'timestamptz':
    case 'timestamp':
    case 'timestamp with time zone':
    case 'Date':
      s = { type: 'string', format: 'date-time' };
      break;
    case 'date':
      s = { type: 'string', format: 'date' };
      break;
    case 'jsonb':
    case 'json':
    case 'Object':
      s = { type: 'object', additionalProperties: true };
      break;
    case 'bytea':
      s = { type: 'string', format: 'byte' };
      break;
    default:
      s = { type: 'string' };
  }
  return array ? { type: 'array', items: s } : s;
}
