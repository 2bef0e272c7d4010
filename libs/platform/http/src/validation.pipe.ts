import { ValidationError, ValidationPipe } from '@nestjs/common';
import { passesValidation } from '@cxm/contracts';
import type { ValidatorOptions } from 'class-validator';
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
 * Nest's pipe, with the verdict on a valid DTO reached by `passesValidation` (the same constraints
 * without class-validator's error tree, ADR 0022). Whatever it does not call certainly valid goes
 * to class-validator as before, so the 400 answers and their messages do not change. With
 * `forbidNonWhitelisted` a valid DTO has no property to strip, so skipping the whitelist pass
 * strips nothing it would have stripped.
 */
class FastPathValidationPipe extends ValidationPipe {
  protected override validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    if (validatorOptions?.whitelist && validatorOptions.forbidNonWhitelisted && !validatorOptions.groups?.length && passesValidation(object, { forbidNonWhitelisted: true, async: true })) return [];
    return super.validate(object, validatorOptions);
  }
}

/**
 * Validates every body, query and path DTO with class-validator. Unknown fields are refused (a
 * typo should not be silently ignored) and each bad field is named in the 400 answer.
 */
export function createValidationPipe(): ValidationPipe {
  return new FastPathValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationProblem(fieldProblems(errors)),
  });
}
