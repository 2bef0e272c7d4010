export * from './mention-index.port';
export * from './search-cursor';
export * from './embedded/embedded-mention-index.adapter';
