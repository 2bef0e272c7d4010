export {
  DEFAULT_DEMO_COUNT,
  DEFAULT_DEMO_SEED,
  DEMO_WINDOW_DAYS,
  MAX_DEMO_TEXT_LENGTH,
  generateDemoMentions,
  generateLabelledDemoMentions,
} from './generate-demo-mentions';
export type { GenerateDemoMentionsOptions, LabelledDemoMention } from './generate-demo-mentions';
export {
  DEMO_LANGS,
  DEMO_LANGUAGE_PROFILES,
  DEMO_REPLY_TEMPLATES,
  DEMO_TEMPLATES,
} from './demo-templates';
export type {
  DemoLang,
  DemoLanguageProfile,
  DemoReplyKind,
  DemoReplyTemplate,
  DemoTemplate,
  DemoTopic,
} from './demo-templates';
export { DEMO_AUTHORS } from './demo-authors';
export type { DemoAuthorProfile } from './demo-authors';
export { SeededRandom, hashString } from './seeded-random';
export * from './load-demo-mentions';
export * from './native-deliveries/native-deliveries';
export * from './native-deliveries/mixed-ingest-workload';
