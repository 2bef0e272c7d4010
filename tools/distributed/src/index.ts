export * from './launch-distributed';
