import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { ErrorCode } from '../app-error';

/** Every ErrorCode, for the document (the compiler checks this list against the union). */
export const ERROR_CODES = [
  'validation-failed',
  'unauthenticated',
  'invalid-credentials',
  'forbidden',
  'not-found',
  'conflict',
  'illegal-transition',
  'payload-too-large',
  'unsupported-media-type',
  'ari-unavailable',
  'unavailable',
  'rate-limited',
  'internal',
  'unprocessable',
] as const satisfies readonly ErrorCode[];
type Missing = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
const allListed: Missing extends never ? true : never = true;
void allListed;

export class FieldProblemDto {
  @ApiProperty({ description: 'path of the field, e.g. `windows.weekdays[2].from`', example: 'title' })
  field: string;
  @ApiProperty({ description: 'why it was refused', example: 'title must be a string' })
  reason: string;
  @ApiProperty({
    required: false,
    description: 'the rule that failed, for clients that word the reason in their own language',
    example: 'maxLength',
  })
  rule?: string;
  @ApiProperty({
    required: false,
    description: "the rule's limits, e.g. `[200]` for maxLength",
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: [200],
  })
  args?: (string | number)[];
}

/** What every error answers (the exception filter in @app/common renders it). */
export class ErrorBodyDto {
  @ApiProperty({ enum: ERROR_CODES, description: 'stable error id', example: 'validation-failed' })
  error: string;
  @ApiProperty({ description: 'human-readable summary', example: 'some fields are invalid' })
  message: string;
  @ApiProperty({
    required: false,
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblemDto) } },
      { type: 'object', additionalProperties: true },
    ],
    description:
      'validation errors: one `{ field, reason }` per refused field; other errors may give context instead, e.g. ' +
      '`{ from, to, allowed }` for an illegal transition or `{ allowedRoles }` for a forbidden role',
  })
  details?: FieldProblemDto[] | Record<string, unknown>;
}
