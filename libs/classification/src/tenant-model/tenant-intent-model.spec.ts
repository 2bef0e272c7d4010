import { TenantIntentModel } from './tenant-intent-model';

const examples = ['Berlin', 'Lyon', 'Porto', 'Izmir', 'Osaka', 'Kyiv'].flatMap((city) => [
  { text: `zorp glimmer quota ${city}`, intent: 'lead' as const },
  { text: `flib wobble sparkle ${city}`, intent: 'praise' as const },
]);

describe('TenantIntentModel', () => {
  it('learns intents from examples, in any language its tokens cover', () => {
    const model = TenantIntentModel.train([...examples, { text: 'ズォープ 見積もり 東京', intent: 'lead' }, { text: 'ズォープ 見積もり 大阪', intent: 'lead' }]);
    expect(model.predict('zorp glimmer for Vienna')?.label).toBe('lead');
    expect(model.predict('flib wobble')).toEqual({ label: 'praise', confidence: expect.any(Number) });
    expect(model.predict('flib wobble')!.confidence).toBeGreaterThan(0.9);
    expect(model.predict('ズォープ 見積もり')?.label).toBe('lead');
  });

  it('has no opinion on a text made only of words it never saw', () => {
    const model = TenantIntentModel.train(examples);
    expect(model.predict('The screen of my phone is broken again')).toBeUndefined();
    expect(model.predict('')).toBeUndefined();
  });

  it('survives a round trip through JSON (how it is stored and shared between replicas)', () => {
    const model = TenantIntentModel.train(examples);
    const copy = TenantIntentModel.fromJSON(model.toJSON());
    expect(copy.predict('zorp quota')).toEqual(model.predict('zorp quota'));
  });
});
