export * from './mention-builders';
export * from './wait-for';
