import { Inject, Injectable } from '@nestjs/common';
import { Classification, IntentGuess, Mention } from '@cxm/contracts';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { classifyText } from '../classify-text';
import { KNOWN_AUTHORS, KnownAuthor, knownAuthorId } from '../known-authors/known-author';
import { scorePriority } from '../priority/score-priority';
import { LoadedTenantModel, TenantModels } from '../tenant-model/tenant-models';
import { TopicCatalog } from '../topics/topic-catalog';

/** Below this share of the probability, the tenant model's guess does not overrule the rules. */
const TENANT_MODEL_MIN_CONFIDENCE = 0.6;
const PRIMARY_INTENTS = new Set(['question', 'complaint', 'praise', 'purchase_intent', 'other']);

/**
 * Everything the classifier says about a mention: the text classification (language, sentiment,
 * intents, state, entities), the tenant's own intent model where it has one, the tenant's
 * taxonomy topics, and the priority with its reasons.
 */
@Injectable()
export class MentionClassifier {
  private readonly knownAuthors: DocumentCollection<KnownAuthor>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    private readonly topics: TopicCatalog,
    private readonly models: TenantModels,
  ) {
    this.knownAuthors = store.collection<KnownAuthor>(KNOWN_AUTHORS);
  }

  async classify(mention: Mention): Promise<Classification> {
    const fromText = classifyText(mention.text);
    const tenantModel = await this.models.current(mention.tenantId);
    const classification = tenantModel ? applyTenantModel(fromText, mention.text, tenantModel) : fromText;
    const [topics, known] = await Promise.all([
      this.topics.topicsOf(mention, classification),
      this.knownAuthors.get(mention.tenantId, knownAuthorId(mention.tenantId, mention.channel, mention.author.id)),
    ]);
    const priority = scorePriority({ classification, followers: mention.author.followers, knownCustomer: (known?.doc.mentionCount ?? 0) > 0 });
    return { ...classification, topics, priority };
  }
}

function applyTenantModel(classification: Classification, text: string, tenantModel: LoadedTenantModel): Classification {
  const modelVersion = `${classification.modelVersion}+tenant-intent-v${tenantModel.record.version}`;
  const guess = tenantModel.model.predict(text);
  if (!guess || guess.confidence < TENANT_MODEL_MIN_CONFIDENCE) return { ...classification, modelVersion };
  const guessed: IntentGuess = { label: guess.label, confidence: Number(guess.confidence.toFixed(3)) };
  const others = (classification.intents ?? [classification.intent]).filter((i) => i.label !== guess.label);
  if (PRIMARY_INTENTS.has(guess.label)) {
    return { ...classification, intent: guessed, intents: [guessed, ...others.filter((i) => !PRIMARY_INTENTS.has(i.label))], modelVersion };
  }
  return { ...classification, intents: [...others, guessed], modelVersion };
}
