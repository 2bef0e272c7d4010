export * from './routing.module';
export * from './routing-rules';
export * from './support-case';
