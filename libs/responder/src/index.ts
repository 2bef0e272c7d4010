export * from './responder.module';
export * from './reply-record';
export * from './outbound/outbound-channel.port';
export * from './outbound/outbound-webhook.adapter';
