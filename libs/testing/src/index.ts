export * from './mention-builders';
export * from './wait-for';
export * from './event-collector';
export * from './real-infrastructure';
export * from './seeded-random';
