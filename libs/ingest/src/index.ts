export * from './ingest.module';
export * from './accept-mention/accept-mention.usecase';
export * from './connectors/channel-connector';
export * from './metrics/ingest-metrics';
export * from './protection/ingest-protection.interceptor';
export * from './protection/publish-gate';
