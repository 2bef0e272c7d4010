export * from './ingest.module';
export * from './accept-mention/accept-mention.usecase';
export * from './connectors/channel-connector';
export * from './connectors/connector-registry';
export * from './channel-settings/channel-settings.repository';
export * from './webhooks/receive-webhook.usecase';
