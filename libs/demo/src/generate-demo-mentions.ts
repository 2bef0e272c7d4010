import type { CanonicalMention, Channel, MentionAuthor, SentimentLabel } from '@cxm/contracts';
import type { DemoIntent } from './demo-templates';

type IntentLabel = DemoIntent;
import { DEMO_AUTHORS, DemoAuthorProfile } from './demo-authors';
import {
  DEMO_LANGS,
  DEMO_LANGUAGE_PROFILES,
  DEMO_REPLY_TEMPLATES,
  DEMO_TEMPLATES,
  DemoLang,
  DemoLanguageProfile,
  DemoReplyKind,
  DemoReplyTemplate,
  DemoTemplate,
} from './demo-templates';
import {
  ALNUM_ALPHABET,
  BASE36_ALPHABET,
  BASE64URL_ALPHABET,
  SeededRandom,
  hashString,
} from './seeded-random';

export interface GenerateDemoMentionsOptions {
  tenantId: string;
  /** How many mentions to produce (default 300). */
  count?: number;
  /** PRNG seed (default `DEFAULT_DEMO_SEED`): the same seed and `now` give the same output. */
  seed?: number;
  /** End of the 14-day window the mentions are spread over (default: the current time). */
  now?: Date;
}

/** A generated mention plus what it was generated from: handy as a rough labelled dev set. */
export interface LabelledDemoMention {
  mention: CanonicalMention;
  lang: DemoLang;
  expectedIntent: IntentLabel;
  expectedSentiment: SentimentLabel;
  /** Id of the `DemoTemplate` / `DemoReplyTemplate` the text came from. */
  templateId: string;
}

export const DEFAULT_DEMO_COUNT = 300;
export const DEFAULT_DEMO_SEED = 20240611;
export const DEMO_WINDOW_DAYS = 14;
export const MAX_DEMO_TEXT_LENGTH = 1000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Latest a thread's root may be, so that all its replies still land before `now`. */
const THREAD_HEADROOM = 9 * HOUR;

const PHONES = ['Aurora X5', 'Aurora X5', 'Aurora X5 Pro', 'Aurora X5 Lite'] as const;
const BUDS = ['Aurora Buds', 'Aurora Buds', 'Aurora Buds Pro'] as const;
const POSITIVE_EMOJI = ['😍', '🔥', '🙌', '💯', '❤️', '👏', '✨', '🥳', '😍😍', '🔥🔥'];
const NEGATIVE_EMOJI = ['😡', '😤', '🤬', '😩', '🙄', '👎', '💀', '😒', '😡😡'];
const MEH_EMOJI = ['🤔', '😕', '🙃', '🤷', '🤷‍♀️'];

/** Channels for templates that do not name their own, with their share. */
const DEFAULT_CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['x', 22],
  ['facebook', 12],
  ['instagram', 10],
  ['reddit', 7],
  ['youtube', 5],
  ['reviews', 4],
  ['email', 9],
  ['chat', 9],
  ['whatsapp', 9],
  ['messenger', 6],
];

const INTENT_WEIGHTS: Record<DemoIntent, number> = {
  complaint: 34,
  question: 24,
  praise: 16,
  purchase_intent: 13,
  other: 13,
};

/** How likely a root post of this intent gets answered (and so becomes a thread). */
const THREAD_PROBABILITY: Record<DemoIntent, number> = {
  complaint: 0.38,
  question: 0.3,
  praise: 0.2,
  purchase_intent: 0.25,
  other: 0,
};

const PUBLIC_CHANNELS: ReadonlySet<Channel> = new Set(['x', 'facebook', 'instagram', 'reddit', 'youtube']);
const PRIVATE_CHANNELS: ReadonlySet<Channel> = new Set(['email', 'chat', 'whatsapp', 'messenger']);
/** Followers are only meaningful where there is a public audience. */
const FOLLOWER_CHANNELS: ReadonlySet<Channel> = new Set(['x', 'instagram', 'youtube', 'facebook']);

const APP_STORE_ID = '6448213907';
const BRAND_WHATSAPP = '+442079460321';
const BRAND_EMAIL = 'support@auroramobile.example';
/** Digits after the country code of a mobile number, per calling code. */
const NATIONAL_NUMBER_LENGTH: Record<string, number> = { '1': 10, '7': 10, '44': 10, '49': 11, '55': 11, '81': 10, '90': 10, '91': 10 };
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example'];

/** The brand's own account on each channel: author of its replies, and the mention target. */
const BRAND_ACCOUNTS: Record<Channel, { author: MentionAuthor; target: string }> = {
  x: {
    author: { id: '1287349012', handle: 'aurora_mobile', displayName: 'Aurora Mobile', followers: 248310 },
    target: '@aurora_mobile',
  },
  instagram: {
    author: { id: '17841401234567', handle: 'aurora_mobile', displayName: 'Aurora Mobile', followers: 512400 },
    target: '@aurora_mobile',
  },
  facebook: {
    author: { id: '104857392019384', handle: 'auroramobile', displayName: 'Aurora Mobile', followers: 1304000 },
    target: 'auroramobile',
  },
  messenger: {
    author: { id: '104857392019384', handle: 'auroramobile', displayName: 'Aurora Mobile' },
    target: 'auroramobile',
  },
  youtube: {
    author: { id: 'UCq7AuroraMobile0fficial', handle: '@AuroraMobile', displayName: 'Aurora Mobile', followers: 86200 },
    target: '@AuroraMobile',
  },
  reddit: {
    author: { id: 't2_8aur0ra', handle: 'AuroraMobile_Official', displayName: 'AuroraMobile_Official' },
    target: 'Aurora Mobile',
  },
  appstore: {
    author: { id: 'developer-response', handle: 'Aurora Mobile Ltd', displayName: 'Aurora Mobile Ltd' },
    target: `id${APP_STORE_ID}`,
  },
  reviews: {
    author: { id: 'company-aurora-mobile', handle: 'aurora-mobile', displayName: 'Aurora Mobile' },
    target: 'Aurora Mobile',
  },
  rss: {
    author: { id: 'aurora-mobile', handle: 'aurora-mobile', displayName: 'Aurora Mobile' },
    target: 'Aurora Mobile',
  },
  email: {
    author: { id: BRAND_EMAIL, handle: BRAND_EMAIL, displayName: 'Aurora Mobile Support' },
    target: BRAND_EMAIL,
  },
  chat: {
    author: { id: 'agent-042', handle: 'agent-042', displayName: 'Aurora Support' },
    target: 'web-chat',
  },
  whatsapp: {
    author: { id: BRAND_WHATSAPP, handle: BRAND_WHATSAPP, displayName: 'Aurora Mobile' },
    target: BRAND_WHATSAPP,
  },
};

const TEMPLATES_BY_LANG = groupBy(DEMO_TEMPLATES, (t) => t.lang);
const AUTHORS_BY_LANG = groupBy(DEMO_AUTHORS, (a) => a.lang);

function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function replyTemplate(lang: DemoLang, kind: DemoReplyKind): DemoReplyTemplate {
  const found = DEMO_REPLY_TEMPLATES.find((t) => t.lang === lang && t.kind === kind);
  if (!found) throw new Error(`No ${kind} reply template for ${lang}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Text

interface SlotContext {
  rng: SeededRandom;
  profile: DemoLanguageProfile;
  channel: Channel;
  /** For replies: the person answered. */
  addressee?: DemoAuthorProfile;
}

function brandMention(channel: Channel, profile: DemoLanguageProfile): string {
  if (channel === 'x' || channel === 'instagram') return '@aurora_mobile';
  if (channel === 'youtube') return '@AuroraMobile';
  return profile.brandName;
}

function resolveSlot(slot: string, ctx: SlotContext): string {
  const { rng, profile } = ctx;
  switch (slot) {
    case 'brand':
      return brandMention(ctx.channel, profile);
    case 'phone':
      return rng.pick(PHONES);
    case 'buds':
      return rng.pick(BUDS);
    case 'feature':
      return rng.pick(profile.features);
    case 'city':
      return rng.pick(profile.cities);
    case 'price':
      return rng.pick(profile.prices);
    case 'bill':
      return rng.pick(profile.bills);
    case 'n':
      return String(rng.int(5, 9));
    case 'h':
    case 'd':
      return String(rng.int(5, 19));
    case 'pct':
      return String(rng.int(2, 8) * 5);
    case 'order':
      return `AU-${rng.digits(7)}`;
    case 'ticket':
      return `CS-${rng.digits(6)}`;
    case 'pos':
      return rng.pick(POSITIVE_EMOJI);
    case 'neg':
      return rng.pick(NEGATIVE_EMOJI);
    case 'meh':
      return rng.pick(MEH_EMOJI);
    case 'name':
      if (!ctx.addressee) throw new Error('{name} used outside a reply');
      return ctx.addressee.callName;
    case 'handle':
      if (!ctx.addressee) throw new Error('{handle} used outside a reply');
      return ctx.addressee.handle;
    default:
      throw new Error(`Unknown demo template slot {${slot}}`);
  }
}

/** Networks where "@brand …" at the start or end of a post is a natural tag. */
const TAGGING_CHANNELS: ReadonlySet<Channel> = new Set(['x', 'instagram', 'facebook', 'youtube']);

function render(template: string, ctx: SlotContext): string {
  let source = template;
  if (!TAGGING_CHANNELS.has(ctx.channel)) {
    source = source.replace(/\s+\{brand\}$/, '');
    if (/^\{brand\}\s+/.test(source)) {
      source = source.replace(/^\{brand\}\s+/, '');
      source = source.charAt(0).toUpperCase() + source.slice(1);
    }
  }
  return source
    .replace(/\{(\w+)\}/g, (_, slot: string) => resolveSlot(slot, ctx))
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Social-network habits: the odd extra hashtag. */
function decorate(text: string, ctx: SlotContext): string {
  if ((ctx.channel === 'x' || ctx.channel === 'instagram') && ctx.rng.chance(0.3)) {
    const tag = ctx.rng.pick(ctx.profile.hashtags);
    if (!text.toLowerCase().includes(tag.toLowerCase())) return `${text} ${tag}`;
  }
  return text;
}

function wrapEmail(body: string, profile: DemoLanguageProfile, author: DemoAuthorProfile): string {
  return `${profile.email.greeting}\n\n${body}\n\n${profile.email.signoff}\n${author.displayName}`;
}

function clip(text: string): string {
  return text.length <= MAX_DEMO_TEXT_LENGTH ? text : `${text.slice(0, MAX_DEMO_TEXT_LENGTH - 1)}…`;
}

// ---------------------------------------------------------------------------------------------
// Authors and ids

/** The author as seen on one channel; ids derive from the handle only (stable across seeds). */
function channelAuthor(profile: DemoAuthorProfile, channel: Channel): MentionAuthor {
  const r = new SeededRandom(hashString(`${profile.handle}@${channel}`));
  const base = { displayName: profile.displayName };
  const followers = (): number | undefined =>
    FOLLOWER_CHANNELS.has(channel) ? Math.round(profile.followers * (0.4 + r.next() * 1.2)) : undefined;
  let author: MentionAuthor;
  switch (channel) {
    case 'x':
      author = { ...base, id: r.digits(r.int(9, 19)), handle: profile.handle };
      break;
    case 'instagram':
      author = { ...base, id: r.digits(11), handle: profile.handle.replace(/_+$/, '') };
      break;
    case 'facebook':
    case 'messenger':
      author = { ...base, id: r.digits(16), handle: profile.handle.replace(/_/g, '.') };
      break;
    case 'reddit':
      author = { ...base, id: `t2_${r.chars(BASE36_ALPHABET, 8)}`, handle: profile.handle, displayName: profile.handle };
      break;
    case 'youtube':
      author = { ...base, id: `UC${r.chars(BASE64URL_ALPHABET, 22)}`, handle: `@${profile.handle}` };
      break;
    case 'appstore':
      author = { ...base, id: r.digits(10), handle: profile.handle };
      break;
    case 'reviews':
      author = { ...base, id: `usr_${r.hex(10)}`, handle: profile.handle };
      break;
    case 'rss':
      author = { ...base, id: profile.domain ?? `${profile.handle}.example`, handle: profile.handle };
      break;
    case 'email': {
      const address = `${profile.handle.replace(/[^a-z0-9]+/gi, '.').replace(/^\.|\.$/g, '').toLowerCase()}@${r.pick(EMAIL_DOMAINS)}`;
      author = { ...base, id: address, handle: address };
      break;
    }
    case 'chat':
      author = { ...base, id: `visitor-${r.hex(10)}`, handle: profile.handle };
      break;
    case 'whatsapp': {
      const code = DEMO_LANGUAGE_PROFILES[profile.lang].phoneCode;
      const phone = `+${code}${r.digits(NATIONAL_NUMBER_LENGTH[code] ?? 9)}`;
      author = { ...base, id: phone, handle: phone };
      break;
    }
  }
  const f = followers();
  return f === undefined ? author : { ...author, followers: f };
}

/** Hands out channel-native-looking external ids, never the same twice on a channel. */
class ExternalIds {
  private readonly used = new Map<Channel, Set<string>>();

  constructor(private readonly rng: SeededRandom) {}

  next(channel: Channel, isReply: boolean): string {
    let set = this.used.get(channel);
    if (!set) this.used.set(channel, (set = new Set()));
    for (;;) {
      const id = this.make(channel, isReply);
      if (!set.has(id)) {
        set.add(id);
        return id;
      }
    }
  }

  private make(channel: Channel, isReply: boolean): string {
    const r = this.rng;
    switch (channel) {
      case 'x':
        return `17${r.digits(17)}`;
      case 'facebook':
        return `${r.digits(15)}_${r.digits(15)}`;
      case 'instagram':
        return `18${r.digits(15)}`;
      case 'messenger':
        return `m_${r.chars(BASE64URL_ALPHABET, 40)}`;
      case 'whatsapp':
        return `wamid.HBgM${r.chars(ALNUM_ALPHABET, 38)}`;
      case 'reddit':
        return `${isReply ? 't1' : 't3'}_${r.chars(BASE36_ALPHABET, 7)}`;
      case 'youtube':
        return `Ug${r.pick(['z', 'x', 'w', 'y'])}${r.chars(BASE64URL_ALPHABET, 19)}4AaABAg`;
      case 'appstore':
        return r.digits(11);
      case 'reviews':
        return `rv_${r.hex(16)}`;
      case 'rss':
        return `urn:uuid:${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-a${r.hex(3)}-${r.hex(12)}`;
      case 'email':
        return `<${r.hex(20)}.${r.digits(6)}@mail.example>`;
      case 'chat':
        return `msg_${r.hex(16)}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Generation

interface Draft {
  seq: number;
  at: number;
  labelled: Omit<LabelledDemoMention, 'mention'>;
  mention: Omit<CanonicalMention, 'createdAt'>;
}

interface ThreadStep {
  kind: DemoReplyKind;
  /** 'root' author, the brand, or another person. */
  by: 'root' | 'brand' | 'bystander';
  /** Index in the thread (0 = root) of the message answered. */
  replyTo: number;
}

function planThread(rng: SeededRandom, template: DemoTemplate, channel: Channel): ThreadStep[] {
  if (channel === 'rss' || !rng.chance(THREAD_PROBABILITY[template.expectedIntent])) return [];
  const steps: ThreadStep[] = [];
  const reviewSite = channel === 'appstore' || channel === 'reviews';
  const oneToOne = PRIVATE_CHANNELS.has(channel);
  switch (template.expectedIntent) {
    case 'complaint': {
      if (PUBLIC_CHANNELS.has(channel) && rng.chance(0.4)) {
        steps.push({ kind: 'bystander_same', by: 'bystander', replyTo: 0 });
      }
      const kind = template.topic === 'outage' ? 'brand_outage' : oneToOne ? 'brand_apology_private' : 'brand_apology';
      steps.push({ kind, by: 'brand', replyTo: 0 });
      if (!reviewSite && rng.chance(0.65)) {
        steps.push({
          kind: rng.chance(0.5) ? 'follow_up_unresolved' : 'follow_up_resolved',
          by: 'root',
          replyTo: steps.length,
        });
      }
      break;
    }
    case 'question':
    case 'purchase_intent':
      steps.push({ kind: oneToOne ? 'brand_answer_private' : 'brand_answer', by: 'brand', replyTo: 0 });
      break;
    case 'praise':
      steps.push({ kind: 'brand_thanks', by: 'brand', replyTo: 0 });
      break;
    case 'other':
      break;
  }
  return steps;
}

function pickTemplate(rng: SeededRandom, lang: DemoLang): DemoTemplate {
  const templates = TEMPLATES_BY_LANG.get(lang) ?? [];
  const intents = [...new Set(templates.map((t) => t.expectedIntent))];
  const intent = rng.weighted(intents.map((i) => [i, INTENT_WEIGHTS[i]] as const));
  return rng.pick(templates.filter((t) => t.expectedIntent === intent));
}

function pickChannel(rng: SeededRandom, template: DemoTemplate): Channel {
  if (!template.channels) return rng.weighted(DEFAULT_CHANNEL_WEIGHTS);
  return rng.weighted(template.channels.map((c) => [c, c === 'appstore' ? 2 : 1] as const));
}

function pickAuthor(rng: SeededRandom, lang: DemoLang, channel: Channel, exclude?: DemoAuthorProfile): DemoAuthorProfile {
  const pool = AUTHORS_BY_LANG.get(lang) ?? [];
  if (channel === 'rss') return pool.find((a) => a.kind === 'media') ?? pool[0];
  const people = pool.filter((a) => a.kind !== 'media' && a !== exclude);
  // Influencers post now and then, mostly on the big public networks.
  const weight = (a: DemoAuthorProfile): number =>
    a.kind === 'influencer' ? (channel === 'youtube' || channel === 'x' || channel === 'instagram' ? 3 : 0.3) : 1;
  return rng.weighted(people.map((a) => [a, weight(a)] as const));
}

function rootUrl(channel: Channel, rng: SeededRandom, externalId: string, author: MentionAuthor, profile: DemoLanguageProfile, domain?: string): {
  url?: string;
  video?: string;
  subreddit?: string;
} {
  switch (channel) {
    case 'x':
      return { url: `https://x.com/${author.handle}/status/${externalId}` };
    case 'facebook': {
      const [page, post] = externalId.split('_');
      return { url: `https://www.facebook.com/permalink.php?story_fbid=${post}&id=${page}` };
    }
    case 'instagram':
      return { url: `https://www.instagram.com/p/${rng.chars(BASE64URL_ALPHABET, 11)}/` };
    case 'reddit': {
      const subreddit = rng.pick(profile.subreddits);
      return { url: `https://www.reddit.com/r/${subreddit}/comments/${externalId.slice(3)}/`, subreddit };
    }
    case 'youtube': {
      const video = rng.chars(BASE64URL_ALPHABET, 11);
      return { url: `https://www.youtube.com/watch?v=${video}&lc=${externalId}`, video };
    }
    case 'appstore':
      return { url: `https://apps.apple.com/${profile.country}/app/aurora-mobile/id${APP_STORE_ID}?see-all=reviews` };
    case 'reviews':
      return { url: `https://reviews.example.com/aurora-mobile/${externalId}` };
    case 'rss':
      return { url: `https://${domain ?? 'news.example'}/tech/aurora-mobile-${rng.hex(8)}` };
    default:
      return {};
  }
}

function replyUrl(channel: Channel, externalId: string, author: MentionAuthor, root: { url?: string; video?: string }): string | undefined {
  switch (channel) {
    case 'x':
      return `https://x.com/${author.handle.replace(/^@/, '')}/status/${externalId}`;
    case 'reddit':
      return root.url ? `${root.url}comment/${externalId.slice(3)}/` : undefined;
    case 'youtube':
      return root.video ? `https://www.youtube.com/watch?v=${root.video}&lc=${externalId}` : undefined;
    default:
      return undefined;
  }
}

function conversationIdFor(channel: Channel, rng: SeededRandom, rootExternalId: string): string {
  switch (channel) {
    case 'chat':
      return `chat_session_${rng.hex(12)}`;
    case 'whatsapp':
      return `wa_conv_${rng.hex(12)}`;
    case 'messenger':
      return `t_${rng.digits(16)}`;
    default:
      return rootExternalId;
  }
}

/**
 * Generates `count` realistic, multilingual demo mentions of the fictional brand "Aurora Mobile",
 * spread over the 14 days before `now`, oldest first. Deterministic: the same options give the
 * same output. Each mention is paired with the language / intent it was written for.
 */
export function generateLabelledDemoMentions(options: GenerateDemoMentionsOptions): LabelledDemoMention[] {
  const { tenantId } = options;
  const count = options.count ?? DEFAULT_DEMO_COUNT;
  if (typeof tenantId !== 'string' || tenantId.trim() === '') throw new RangeError('tenantId is required');
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const nowMs = Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000;
  if (!Number.isFinite(nowMs)) throw new RangeError('now is not a valid date');

  const rng = new SeededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const ids = new ExternalIds(rng);
  const windowStart = nowMs - DEMO_WINDOW_DAYS * DAY;
  // One fibre outage somewhere in the window: outage complaints cluster around it.
  const incidentStart = windowStart + DAY + rng.int(0, (DEMO_WINDOW_DAYS - 3) * 24) * HOUR;
  const randomTime = (latest: number): number =>
    windowStart + Math.floor(rng.next() * Math.max(1, latest - windowStart) / 1000) * 1000;

  const drafts: Draft[] = [];
  let seq = 0;
  // Every language once first (so small samples are still multilingual), then by weight.
  const languageQueue = rng.shuffle(DEMO_LANGS);
  const languageWeights = DEMO_LANGS.map((l) => [l, DEMO_LANGUAGE_PROFILES[l].weight] as const);

  while (drafts.length < count) {
    const lang = languageQueue.shift() ?? rng.weighted(languageWeights);
    const profile = DEMO_LANGUAGE_PROFILES[lang];
    const template = pickTemplate(rng, lang);
    const channel = pickChannel(rng, template);
    const rootProfile = pickAuthor(rng, lang, channel);
    const rootAuthor = channelAuthor(rootProfile, channel);
    const steps = planThread(rng, template, channel).slice(0, count - drafts.length - 1);

    const latest = steps.length > 0 ? nowMs - THREAD_HEADROOM : nowMs - MINUTE;
    let at = randomTime(latest);
    if (template.topic === 'outage' && rng.chance(0.6)) {
      at = incidentStart + rng.int(0, 6 * 60) * MINUTE + rng.int(0, 59) * 1000;
    }

    const ctx: SlotContext = { rng, profile, channel };
    let text = decorate(render(template.text, ctx), ctx);
    if (channel === 'email') text = wrapEmail(text, profile, rootProfile);

    const externalId = ids.next(channel, false);
    const root = rootUrl(channel, rng, externalId, rootAuthor, profile, rootProfile.domain);
    const threaded = steps.length > 0 || PRIVATE_CHANNELS.has(channel);
    const conversationId = threaded ? conversationIdFor(channel, rng, externalId) : undefined;
    const brand = BRAND_ACCOUNTS[channel];

    const thread: { externalId: string; at: number }[] = [{ externalId, at }];
    drafts.push({
      seq: seq++,
      at,
      labelled: { lang, expectedIntent: template.expectedIntent, expectedSentiment: template.expectedSentiment, templateId: template.id },
      mention: {
        tenantId,
        channel,
        externalId,
        author: rootAuthor,
        text: clip(text),
        ...(root.url ? { url: root.url } : {}),
        ...(conversationId ? { conversationId } : {}),
        target: brand.target,
      },
    });

    for (const step of steps) {
      const parent = thread[step.replyTo];
      const gap =
        step.by === 'bystander' ? rng.int(2, 90) : step.by === 'brand' ? rng.int(5, 180) : rng.int(10, 240);
      const replyAt = Math.min(parent.at + gap * MINUTE + rng.int(0, 59) * 1000, nowMs - 1000);
      const replyTemplateUsed = replyTemplate(lang, step.kind);
      let author: MentionAuthor;
      let replyText: string;
      const replyCtx: SlotContext = { rng, profile, channel, addressee: rootProfile };
      if (step.by === 'brand') {
        author = brand.author;
        replyText = render(replyTemplateUsed.text, replyCtx);
        if (channel === 'email') replyText = `${replyText}\n\n— ${brand.author.displayName}`;
      } else {
        const who = step.by === 'root' ? rootProfile : pickAuthor(rng, lang, channel, rootProfile);
        author = step.by === 'root' ? rootAuthor : channelAuthor(who, channel);
        replyText = render(replyTemplateUsed.text, replyCtx);
        if (channel === 'email') replyText = wrapEmail(replyText, profile, who);
      }
      const replyId = ids.next(channel, true);
      const url = replyUrl(channel, replyId, author, root);
      thread.push({ externalId: replyId, at: replyAt });
      drafts.push({
        seq: seq++,
        at: replyAt,
        labelled: {
          lang,
          expectedIntent: replyTemplateUsed.expectedIntent,
          expectedSentiment: replyTemplateUsed.expectedSentiment,
          templateId: replyTemplateUsed.id,
        },
        mention: {
          tenantId,
          channel,
          externalId: replyId,
          author,
          text: clip(replyText),
          ...(url ? { url } : {}),
          inReplyTo: parent.externalId,
          conversationId,
          target: brand.target,
        },
      });
    }
  }

  drafts.sort((a, b) => a.at - b.at || a.seq - b.seq);
  return drafts.map(({ at, labelled, mention }) => ({
    ...labelled,
    mention: { ...mention, createdAt: new Date(at).toISOString() },
  }));
}

/**
 * Generates `count` (default 300) demo mentions for `tenantId`: multilingual, multi-channel,
 * some of them threaded conversations, spread over the 14 days before `now`, oldest first.
 * Deterministic for a given `seed` and `now`.
 */
export function generateDemoMentions(options: GenerateDemoMentionsOptions): CanonicalMention[] {
  return generateLabelledDemoMentions(options).map((l) => l.mention);
}
