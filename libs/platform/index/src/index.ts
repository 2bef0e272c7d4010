export * from './mention-index.port';
export * from './search-cursor';
export * from './embedded/embedded-mention-index.adapter';
export * from './elasticsearch/elasticsearch-mention-index.adapter';
export * from './elasticsearch/compile-query';
