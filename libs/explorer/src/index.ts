export * from './explorer.module';
export * from './mention-story/mention-story';
