import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { INTENT_LABELS_COLLECTION, IntentLabelRecord } from './intent-label';
import { MIN_LABELS_TO_TRAIN, RetrainTenantModel } from './retrain-tenant-model.usecase';
import { TenantModels } from './tenant-models';

describe('RetrainTenantModel', () => {
  let store: EmbeddedDocumentStore;
  let models: TenantModels;
  let retrain: RetrainTenantModel;

  beforeEach(() => {
    store = new EmbeddedDocumentStore();
    models = new TenantModels(store);
    retrain = new RetrainTenantModel(store, silentLogger(), models);
  });

  const label = (id: string, text: string, intent: IntentLabelRecord['intent']) =>
    store.collection<IntentLabelRecord>(INTENT_LABELS_COLLECTION).insert({ id, tenantId: 'acme', text, lang: 'en', intent, labelledAt: '2026-11-23T00:00:00.000Z' });
  const jargon = async (count: number) => {
    for (let i = 0; i < count; i++) {
      await label(`lead-${i}`, `zorp glimmer quota city${i}`, 'lead');
      await label(`praise-${i}`, `flib wobble sparkle town${i}`, 'praise');
    }
  };

  it('waits for enough labels before training', async () => {
    await jargon(3);
    expect(await retrain.execute('acme')).toMatchObject({ kind: 'skipped', labels: 6 });
    expect(await models.current('acme')).toBeUndefined();
    expect(MIN_LABELS_TO_TRAIN).toBeGreaterThan(6);
  });

  it('promotes a model that beats the rules on held-out labels, then keeps it against an equal candidate', async () => {
    await jargon(20);
    const first = await retrain.execute('acme');
    expect(first).toMatchObject({ kind: 'promoted', version: 1, labels: 40 });
    if (first.kind !== 'promoted') throw new Error('not promoted');
    expect(first.accuracy).toBeGreaterThan(first.replacedAccuracy);
    expect((await models.current('acme'))?.record.version).toBe(1);

    const second = await retrain.execute('acme');
    expect(second.kind).toBe('kept');
    expect((await models.current('acme'))?.record.version).toBe(1);
  });

  it("never trains one tenant's model on another tenant's labels", async () => {
    await jargon(20);
    expect(await retrain.execute('other-tenant')).toMatchObject({ kind: 'skipped', labels: 0 });
  });
});
