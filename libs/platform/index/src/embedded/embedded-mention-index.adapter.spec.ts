import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMentionIndexContract } from '../contract/mention-index.contract';
import { EmbeddedMentionIndex } from './embedded-mention-index.adapter';

describeMentionIndexContract('embedded (on disk)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-index-'));
  return {
    open: async () => new EmbeddedMentionIndex(dataDir),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
