/** Every channel the platform listens to. Adding one is additive within schema version 1. */
export const CHANNELS = [
  'x',
  'facebook',
  'instagram',
  'messenger',
  'whatsapp',
  'reddit',
  'youtube',
  'appstore',
  'reviews',
  'rss',
  'email',
  'chat',
] as const;

export type Channel = (typeof CHANNELS)[number];
