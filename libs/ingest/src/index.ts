export * from './ingest.module';
export * from './accept-mention/accept-mention.usecase';
export * from './connectors/channel-connector';
