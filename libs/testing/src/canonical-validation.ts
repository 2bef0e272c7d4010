import { CanonicalMention, describeValidationErrors } from '@cxm/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * What is wrong with a connector's output as `POST /v1/mentions` would judge it (`path: reason`
 * lines; empty when valid). Connector specs assert every mapped fixture passes.
 */
export function canonicalMentionProblems(mention: unknown): string[] {
  const instance = plainToInstance(CanonicalMention, mention);
  return describeValidationErrors(validateSync(instance as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }));
}
