import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { TENANT_MODELS, TenantModelRecord } from './intent-label';
import { TenantIntentModel } from './tenant-intent-model';

export interface LoadedTenantModel {
  record: Omit<TenantModelRecord, 'modelJson'>;
  model: TenantIntentModel;
}

const CACHE_MS = 30_000;

/** The promoted model of each tenant, loaded from the store and cached (other replicas' promotions show within CACHE_MS). */
@Injectable()
export class TenantModels {
  private readonly models: DocumentCollection<TenantModelRecord>;
  private readonly cache = new Map<string, { loadedAt: number; loaded?: LoadedTenantModel }>();

  constructor(@Inject(DOCUMENT_STORE) store: DocumentStore) {
    this.models = store.collection<TenantModelRecord>(TENANT_MODELS);
  }

  async current(tenantId: string): Promise<LoadedTenantModel | undefined> {
    const cached = this.cache.get(tenantId);
    if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached.loaded;
    const stored = await this.models.get(tenantId, tenantId);
    const loaded = stored ? toLoaded(stored.doc) : undefined;
    this.cache.set(tenantId, { loadedAt: Date.now(), loaded });
    return loaded;
  }

  async promote(record: TenantModelRecord): Promise<void> {
    const stored = await this.models.get(record.tenantId, record.tenantId);
    if (stored) await this.models.replace(record, stored.version);
    else await this.models.insert(record);
    this.cache.set(record.tenantId, { loadedAt: Date.now(), loaded: toLoaded(record) });
  }
}

function toLoaded(record: TenantModelRecord): LoadedTenantModel {
  const { modelJson, ...summary } = record;
  return { record: summary, model: TenantIntentModel.fromJSON(modelJson) };
}
