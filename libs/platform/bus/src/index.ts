export * from './event-bus.port';
export * from './delivery/retry-policy';
export * from './delivery/deliver-with-policy';
export * from './delivery/partition-for-key';
export * from './embedded/embedded-event-bus.adapter';
export * from './delivery/assert-subscription-wiring';
export * from './kafka/kafka-event-bus.adapter';
