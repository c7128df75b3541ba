import { ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid, type FieldProblem } from './app-error';

/** Flattens class-validator's tree into `{ field: 'a.b[2].c', reason }` entries. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const key = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    for (const reason of Object.values(e.constraints ?? {})) out.push({ field: key, reason });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, key));
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
