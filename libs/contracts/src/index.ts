export * from './mentions/channels';
export * from './mentions/classification';
export * from './mentions/mention';
export * from './events/envelope';
export * from './events/payloads';
export * from './events/topics';
export * from './events/event-validation';
export * from './events/event-factory';
