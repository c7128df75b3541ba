import { ApiProperty } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { Script, ScriptVersion } from '@app/database';
import { QUESTION_TYPES } from './script-body';

// The script body's shape (checked by checkScript in script-body.ts, not by class-validator) and the response
// models of the scripts routes, for the OpenAPI document.

export class ChoiceOptionSchema {
  @ApiProperty({ example: 'yes' }) value: string;
  @ApiProperty({ example: 'Yes, renew' }) label: string;
}

export class QuestionSchema {
  @ApiProperty({ pattern: '^[A-Za-z0-9_-]{1,64}$', example: 'renew' }) id: string;
  @ApiProperty({ enum: QUESTION_TYPES, example: 'single' }) type: string;
  @ApiProperty({ description: 'may use {{field}} placeholders', example: 'Would you like to renew, {{first_name}}?' })
  text: string;
  @ApiProperty({ required: false }) required?: boolean;
  @ApiProperty({
    required: false,
    description: 'single / multiple only: choices, as text or { value, label }',
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/ChoiceOptionSchema' }] },
    example: ['yes', 'no'],
  })
  options?: (ChoiceOptionSchema | string)[];
  @ApiProperty({ required: false, description: 'number only: lower bound' }) min?: number;
  @ApiProperty({ required: false, description: 'number only: upper bound' }) max?: number;
}

export class BranchConditionSchema {
  @ApiProperty({ description: 'id of a question of the script', example: 'renew' }) question: string;
  @ApiProperty({
    required: false,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    example: 'yes',
  })
  equals?: string | number | boolean;
  @ApiProperty({
    required: false,
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  })
  in?: (string | number)[];
}

export class BranchSchema {
  @ApiProperty({ type: BranchConditionSchema }) when: BranchConditionSchema;
  @ApiProperty({ description: 'a section id, or "end"', example: 'close' }) goto: string;
}

export class SectionSchema {
  @ApiProperty({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: '"end" is reserved', example: 'intro' }) id: string;
  @ApiProperty({ required: false, example: 'Introduction' }) title?: string;
  @ApiProperty({ required: false, example: 'Hello {{first_name}}, this is Acme calling about your policy.' })
  text?: string;
  @ApiProperty({ required: false, type: [QuestionSchema] }) questions?: QuestionSchema[];
  @ApiProperty({ required: false, type: [BranchSchema], description: 'the first branch whose condition holds' })
  branches?: BranchSchema[];
  @ApiProperty({ required: false, description: 'next section id or "end" (default: the following section)' })
  next?: string;
}

/** A call script: sections in order, with questions and branches. */
export class ScriptBodySchema {
  @ApiProperty({
    type: [SectionSchema],
    minItems: 1,
    example: [
      {
        id: 'intro',
        text: 'Hello {{first_name}}, this is Acme calling about your renewal.',
        questions: [{ id: 'renew', type: 'single', text: 'Would you like to renew?', options: ['yes', 'no'] }],
        branches: [{ when: { question: 'renew', equals: 'no' }, goto: 'end' }],
      },
    ],
  })
  sections: SectionSchema[];
}

export class ScriptResponse extends EntityApiModel(Script) {}

export class ScriptVersionResponse extends EntityApiModel(ScriptVersion) {
  @ApiProperty({ type: ScriptBodySchema }) body: ScriptBodySchema;
}

export class ScriptWithVersionsResponse extends ScriptResponse {
  @ApiProperty({ type: [ScriptVersionResponse] }) versions: ScriptVersionResponse[];
}

export class RenderedScriptResponse {
  @ApiProperty({ format: 'uuid' }) scriptId: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [SectionSchema], description: 'the sections with every {{field}} filled in' })
  sections: SectionSchema[];
  @ApiProperty({ type: [String], description: 'placeholders with no value for this contact' })
  missingFields: string[];
}
