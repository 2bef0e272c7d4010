import { AbsentMentionIndex } from './absent-mention-index';

describe('AbsentMentionIndex', () => {
  const index = new AbsentMentionIndex('lifecycle thread');

  it('refuses every call, saying where the index lives', async () => {
    await expect(index.get('demo', 'm-1')).rejects.toThrow('this thread has no mention index (get): it lives in the lifecycle thread');
    await expect(index.search('demo', { kind: 'all' } as never, { limit: 10 } as never)).rejects.toThrow('(search)');
    await expect(index.rebuild()).rejects.toThrow('(rebuild)');
  });

  it('closes without having opened anything', async () => {
    await expect(index.close()).resolves.toBeUndefined();
  });
});
