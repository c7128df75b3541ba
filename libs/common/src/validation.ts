import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
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

/** The most telling of the rules a field failed. */
export function mainRule(constraints: Record<string, string>): string | undefined {
  const rules = Object.keys(constraints);
  if (!rules.length) return undefined;
  return rules.reduce((a, b) => (rank(b) < rank(a) ? b : a));
}

/** One reason per field: the message of its most telling rule. */
export function mainReason(constraints: Record<string, string>): string | undefined {
  const rule = mainRule(constraints);
  return rule === undefined ? undefined : constraints[rule];
}

/**
 * The limits a rule was declared with (`@Max(5)` gives `[5]`), from class-validator's metadata; only numbers,
 * strings and lists of them (a list is joined with ", "); patterns and option objects are left out.
 */
function ruleArgs(e: ValidationError, rule: string): (string | number)[] | undefined {
  const target = e.target as object | undefined;
  if (!target || typeof target !== 'object') return undefined;
  const meta = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === e.property && m.name === rule);
  const out: (string | number)[] = [];
  for (const c of meta?.constraints ?? []) {
    if (typeof c === 'number' || typeof c === 'string') out.push(c);
    else if (Array.isArray(c) && c.every((x) => typeof x === 'number' || typeof x === 'string')) out.push(c.join(', '));
  }
  return out.length ? out : undefined;
}

/** Flattens class-validator's tree into `{ field: 'a.b[2].c', reason }` entries, one per field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const key = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const rule = mainRule(e.constraints ?? {});
    if (rule !== undefined) {
      const args = ruleArgs(e, rule);
      out.push({ field: key, reason: e.constraints![rule], rule, ...(args ? { args } : {}) });
    }
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
    // The target lets the details name each rule's limits (see ruleArgs); values are never echoed back.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => invalid(flattenValidationErrors(errors)),
  });
}
