export * from './problem-details';
export * from './problem-details.filter';
export * from './validation.pipe';
export * from './bearer-auth.guard';
export * from './tenant-access';
export * from './health.controller';
export * from './configure-http-app';
export * from './tokens';
