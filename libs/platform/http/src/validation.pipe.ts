import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, validationProblem } from './problem-details';

/** class-validator's error tree as `{field, message}` pairs with dotted paths (`author.id`). */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/**
 * Validates every body, query and path DTO with class-validator. Unknown fields are refused (a
 * typo should not be silently ignored) and each bad field is named in the 400 answer.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationProblem(toFieldProblems(errors)),
  });
}
