export * from './config-reader';
export * from './platform-config';
