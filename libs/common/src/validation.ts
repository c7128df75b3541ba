import { ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid, type FieldProblem } from './app-error';

/**
 * Which of a field's failed rules explains it best: a wrong type first (a number sent for a text field also fails
 * its length rules, whose messages only mislead), then the value's form, then its limits.
 */
const RULE_PRIORITY = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isIn',
  'isEnum',
  'isUuid',
  'isEmail',
  'isUrl',
  'isDateString',
  'isIso8601',
  'isISO31661Alpha2',
  'matches',
];
const rank = (rule: string): number => {
  const i = RULE_PRIORITY.indexOf(rule);
  return i < 0 ? RULE_PRIORITY.length : i;
};

/** One reason per field: the most telling of the rules it failed. */
export function mainReason(constraints: Record<string, string>): string | undefined {
  const rules = Object.keys(constraints);
  if (!rules.length) return undefined;
  const best = rules.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  return constraints[best];
}

/** Flattens class-validator's tree into `{ field: 'a.b[2].c', reason }` entries, one per field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const key = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const reason = mainReason(e.constraints ?? {});
    if (reason !== undefined) out.push({ field: key, reason });
    // children only when the value itself had the right type (a string where an object belongs has no children)
    else if (e.children?.length) out.push(...flattenValidationErrors(e.children, key));
  }
  return out;
}

/** The pipe every app uses: whitelist, transform, and per-field details in the `validation-failed` error. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => invalid(flattenValidationErrors(errors)),
  });
}
