import { installValidationMetadataCache } from './validation/validation-metadata-cache';

// Every process that validates DTOs or events loads the contracts first (ADR 0022).
installValidationMetadataCache();

export * from './mentions/channels';
export * from './mentions/classification';
export * from './mentions/mention';
export * from './mentions/mention-problems';
export * from './events/envelope';
export * from './events/payloads';
export * from './events/topics';
export * from './events/event-validation';
export * from './events/event-factory';
export * from './validation/validation-metadata-cache';
export * from './validation/passes-validation';
export * from './validation/compiled-validation';
export * from './validation/validation-samples';
export * from './time/iso-time';
