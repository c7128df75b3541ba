import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  validate,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { flattenValidationErrors } from '../validation';
import { applyValidatorSchemas } from './validator-schemas';

class RangeDto {
  @Matches(/^\d\d:\d\d$/) from: string;
}

class SampleDto {
  @IsString() @MinLength(3) @MaxLength(20) name: string;
  @IsOptional() @IsInt() @Min(1) @Max(9) size?: number;
  @IsIn(['a', 'b']) kind: string;
  @IsUUID() ownerId: string;
  @IsBoolean() open: boolean;
  @IsArray() @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => RangeDto) ranges: RangeDto[];
  @IsOptional() @IsArray() @IsString({ each: true }) tags?: string[];
  @ApiProperty({ example: 'X1', description: 'explicit wins' }) @Matches(/^X\d$/) code: string;
}

const props = (cls: object, key: string): Record<string, unknown> =>
  Reflect.getMetadata('swagger/apiModelProperties', (cls as { prototype: object }).prototype, key) as Record<
    string,
    unknown
  >;

describe('applyValidatorSchemas', () => {
  applyValidatorSchemas();

  it('turns validators into schema keywords', () => {
    expect(props(SampleDto, 'name')).toMatchObject({ type: 'string', minLength: 3, maxLength: 20, required: true });
    expect(props(SampleDto, 'size')).toMatchObject({ type: 'integer', minimum: 1, maximum: 9, required: false });
    expect(props(SampleDto, 'kind')).toMatchObject({ enum: ['a', 'b'], type: 'string' });
    expect(props(SampleDto, 'ownerId')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(props(SampleDto, 'open')).toMatchObject({ type: 'boolean' });
    expect(props(RangeDto, 'from')).toMatchObject({ type: 'string', pattern: '^\\d\\d:\\d\\d$' });
  });

  it('describes nested arrays by their class and arrays of values by their items', () => {
    expect(props(SampleDto, 'ranges')).toMatchObject({ type: RangeDto, isArray: true, maxItems: 3 });
    expect(props(SampleDto, 'tags')).toMatchObject({ type: 'array', items: { type: 'string' }, required: false });
  });

  it('lets an explicit @ApiProperty win key by key', () => {
    expect(props(SampleDto, 'code')).toMatchObject({ type: 'string', pattern: '^X\\d$', example: 'X1' });
  });

  it('lists every validated property', () => {
    const list = Reflect.getMetadata('swagger/apiModelPropertiesArray', SampleDto.prototype) as string[];
    expect(list.sort()).toEqual([':code', ':kind', ':name', ':open', ':ownerId', ':ranges', ':size', ':tags']);
  });
});

describe('flattenValidationErrors', () => {
  it('gives one reason per field, the type first', async () => {
    const dto = plainToInstance(SampleDto, { name: 42, kind: 'c', ownerId: 'x', open: true, ranges: [], code: 'X1' });
    const problems = flattenValidationErrors(await validate(dto));
    expect(problems.filter((p) => p.field === 'name')).toEqual([
      { field: 'name', reason: 'name must be a string', rule: 'isString' },
    ]);
    expect(problems.map((p) => p.field).sort()).toEqual(['kind', 'name', 'ownerId']);
  });

  it('names the rule and its limits (lists joined, patterns left out)', async () => {
    const dto = plainToInstance(SampleDto, {
      name: 'ab',
      size: 12,
      kind: 'c',
      ownerId: '00000000-0000-4000-8000-000000000000',
      open: true,
      ranges: [{ from: '9' }],
      code: 'X1',
    });
    const problems = flattenValidationErrors(await validate(dto));
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'name', reason: expect.any(String), rule: 'minLength', args: [3] },
        { field: 'size', reason: expect.any(String), rule: 'max', args: [9] },
        { field: 'kind', reason: expect.any(String), rule: 'isIn', args: ['a, b'] },
        { field: 'ranges[0].from', reason: expect.any(String), rule: 'matches' },
      ]),
    );
    expect(problems).toHaveLength(4);
  });
});
