export * from './cli';
export * from './import-file';
export * from './mentions-api';
export * from './acknowledged-prefix';
export * from './checkpoint';
