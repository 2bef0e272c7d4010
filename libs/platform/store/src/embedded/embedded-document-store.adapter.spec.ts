import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDocumentStoreContract } from '../contract/document-store.contract';
import { EmbeddedDocumentStore } from './embedded-document-store.adapter';

describeDocumentStoreContract('embedded (on disk)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-store-'));
  return {
    open: async () => new EmbeddedDocumentStore(dataDir),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
