import { Module, createRequire } from 'node:module';
import type { MentionEntities } from '@cxm/contracts';

/**
 * Hashtags (any script, CJK included), @handles, URLs and $cashtags through twitter-text
 * 3.1.0 (Twitter's own extraction rules), plus e-mail addresses and phone numbers with our
 * own patterns. Any e-mail or phone number sets `containsPersonalData`.
 *
 * Phone numbers: an optional "+" and country code, then 7–15 digits in groups separated by
 * spaces, dots, dashes or parentheses ("+44 20 7946 0958", "(555) 123-4567", "8 (912)
 * 345-67-89", "+81 3-1234-5678"). Plain digit runs are accepted only with 9–15 digits, so
 * order numbers ("#12345"), years and prices are not phone numbers; dates ("2024-01-15")
 * and IP-like dotted runs are skipped. This is a pattern, not a numbering-plan check.
 */

interface TwitterEntity {
  hashtag?: string;
  screenName?: string;
  url?: string;
  cashtag?: string;
}
const twitterText = loadTwitterText();

/**
 * twitter-text without one of its core-js 2 polyfills. Its `es6.regexp.split` feature test
 * sets `constructor` on a RegExp instance, and V8 then drops its RegExp fast paths for the
 * whole isolate (the "species protector"; another vm context does not help): from that moment
 * every regex `split`, `replace`, `match`, `matchAll` and `test` in the process runs V8's
 * generic path — a regex split about 8× slower, and the classifier's many keyword regexes
 * with it. On Node ≥ 12 that test passes, so the module installs nothing (core-js keeps the
 * native `split`); it is entered in the module cache as an empty module before twitter-text
 * loads, so its test never runs. `twitter-text-loading.spec.ts` checks, in fresh processes,
 * that twitter-text extracts the same entities either way and that the protector stays
 * intact. ADR 0024.
 */
function loadTwitterText(): { extractEntitiesWithIndices(text: string): TwitterEntity[] } {
  const twitterRequire = createRequire(require.resolve('twitter-text'));
  try {
    const polyfill = twitterRequire.resolve('core-js/modules/es6.regexp.split');
    if (!require.cache[polyfill]) {
      const empty = new Module(polyfill);
      empty.filename = polyfill;
      empty.loaded = true;
      require.cache[polyfill] = empty;
    }
  } catch {
    // core-js is not where twitter-text would load it from: nothing to keep out.
  }
  return twitterRequire('twitter-text') as { extractEntitiesWithIndices(text: string): TwitterEntity[] };
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}#$€£¥/.\-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.()-]{5,18}\d(?![\p{L}\p{N}%/-])/gu;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
const MAX_ENTITY_TEXT = 4000;
const HAS_DIGIT = /\d/;

export function extractEntities(text: string): MentionEntities {
  const input = text.length > MAX_ENTITY_TEXT ? text.slice(0, MAX_ENTITY_TEXT) : text;
  const entities: MentionEntities = {
    hashtags: [], mentions: [], urls: [], cashtags: [], emails: [], phones: [], containsPersonalData: false,
  };
  if (input.length === 0) return entities;

  // An address needs an '@'; skip the (lookbehind-heavy) scan without one.
  const emails = input.includes('@') ? unique(input.match(EMAIL) ?? []) : [];
  // Handles inside e-mail addresses are not mentions: blank the addresses first.
  const withoutEmails = emails.length > 0 ? input.replace(EMAIL, (m) => ' '.repeat(m.length)) : input;
  for (const entity of safeExtract(withoutEmails)) {
    if (entity.hashtag) entities.hashtags.push(entity.hashtag);
    else if (entity.screenName) entities.mentions.push(entity.screenName);
    else if (entity.url) entities.urls.push(entity.url);
    else if (entity.cashtag) entities.cashtags.push(entity.cashtag.toUpperCase());
  }
  entities.hashtags = unique(entities.hashtags);
  entities.mentions = unique(entities.mentions);
  entities.cashtags = unique(entities.cashtags);
  entities.emails = emails;
  entities.phones = findPhones(withoutEmails, entities.urls);
  entities.containsPersonalData = entities.emails.length > 0 || entities.phones.length > 0;
  return entities;
}

function findPhones(text: string, urls: readonly string[]): string[] {
  if (!HAS_DIGIT.test(text)) return []; // every candidate has digits
  let scan = text;
  for (const url of urls) scan = scan.split(url).join(' ');
  const phones: string[] = [];
  for (const match of scan.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (DATE_LIKE.test(candidate)) continue;
    const grouped = /[\s.()-]/.test(candidate) || candidate.startsWith('+');
    if (!grouped && digits.length < 9) continue;
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(candidate)) continue; // IPv4
    if (!balancedParentheses(candidate)) continue;
    phones.push(candidate);
  }
  return unique(phones);
}

function balancedParentheses(value: string): boolean {
  const open = value.split('(').length - 1;
  const close = value.split(')').length - 1;
  return open === close;
}

function safeExtract(text: string): TwitterEntity[] {
  try {
    return twitterText.extractEntitiesWithIndices(text);
  } catch {
    return [];
  }
}

function unique(values: readonly string[]): string[] {
  // Most lists are empty or hold one entry: no Set needed then.
  return values.length < 2 ? values.slice() : [...new Set(values)];
}
