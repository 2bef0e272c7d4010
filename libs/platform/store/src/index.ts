export * from './document-store.port';
export * from './update-document';
export * from './embedded/embedded-document-store.adapter';
export * from './mongodb/mongo-document-store.adapter';
export * from './threads/collections-owned-by-thread';
export * from './threads/store-bridge-protocol';
export * from './threads/serve-store-to-thread';
export * from './threads/thread-document-store.adapter';
