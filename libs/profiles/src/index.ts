export * from './profiles.module';
export * from './customer-profile';
export * from './record-mention/record-mention-on-profile.usecase';
