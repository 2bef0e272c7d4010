import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeValidationErrors } from '../events/event-validation';
import { CanonicalMention } from './mention';

/**
 * What is wrong with a canonical mention as `POST /v1/mentions` would judge it (`path: reason`
 * lines, unknown fields included; empty when valid). For mentions that do not come through
 * HTTP — a connector's output, a polled feed item — before they are accepted.
 */
export function canonicalMentionProblems(mention: unknown): string[] {
  const instance = plainToInstance(CanonicalMention, mention);
  return describeValidationErrors(validateSync(instance as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }));
}
