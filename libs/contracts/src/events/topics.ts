import {
  AlertFiredPayload,
  CaseRoutedPayload,
  MentionClassifiedPayload,
  MentionErasedPayload,
  MentionReceivedPayload,
  ProfileUpdatedPayload,
  ReplyRequestedPayload,
  ReplySentPayload,
} from './payloads';

/**
 * The topic catalogue: for each topic, the one event type it carries and the payload class of each
 * schema version consumers must understand. docs/architecture.md describes the same table for people.
 */
export const TOPIC_CATALOGUE = {
  'mentions.raw': { type: 'mention.received', versions: { 1: MentionReceivedPayload } },
  'mentions.classified': { type: 'mention.classified', versions: { 1: MentionClassifiedPayload } },
  'profiles.updated': { type: 'profile.updated', versions: { 1: ProfileUpdatedPayload } },
  'cases.routed': { type: 'case.routed', versions: { 1: CaseRoutedPayload } },
  'replies.requested': { type: 'reply.requested', versions: { 1: ReplyRequestedPayload } },
  'replies.sent': { type: 'reply.sent', versions: { 1: ReplySentPayload } },
  'mentions.erased': { type: 'mention.erased', versions: { 1: MentionErasedPayload } },
  'alerts.fired': { type: 'alert.fired', versions: { 1: AlertFiredPayload } },
} as const;

export type Topic = keyof typeof TOPIC_CATALOGUE;
export const TOPICS = Object.keys(TOPIC_CATALOGUE) as Topic[];

/** The newest schema version of each topic: what producers write. */
export const CURRENT_SCHEMA_VERSION = 1;

export interface PayloadOf {
  'mentions.raw': MentionReceivedPayload;
  'mentions.classified': MentionClassifiedPayload;
  'profiles.updated': ProfileUpdatedPayload;
  'cases.routed': CaseRoutedPayload;
  'replies.requested': ReplyRequestedPayload;
  'replies.sent': ReplySentPayload;
  'mentions.erased': MentionErasedPayload;
  'alerts.fired': AlertFiredPayload;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export function isKnownTopic(topic: string): topic is Topic {
  return Object.prototype.hasOwnProperty.call(TOPIC_CATALOGUE, topic);
}
