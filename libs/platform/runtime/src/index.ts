export * from './platform.module';
export * from './bootstrap-service';
export * from './pino-nest-logger';
export * from './create-platform-adapters';
export * from './count-requests-in-progress';
export * from './drain-http-requests';
