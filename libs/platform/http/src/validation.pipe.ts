import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, validationProblem } from './problem-details';

/** class-validator's error tree as `{field, message}` pairs, nested fields named by their path (`author.id`). */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
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
    exceptionFactory: (errors) => validationProblem(fieldProblems(errors)),
  });
}
