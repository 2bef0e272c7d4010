import { IndexRebuild, MentionDocument } from '../mention-index.port';
import { TenantSegment } from './tenant-segment';

/** One segment per tenant: a query can only ever see the segment of the tenant it names. */
export class TenantSegments {
  private readonly byTenant = new Map<string, TenantSegment>();

  segment(tenantId: string): TenantSegment | undefined {
    return this.byTenant.get(tenantId);
  }

  /**
   * Holds the document unless the same or a newer version is held: `false` then; otherwise the
   * tokens of its text when it was (re)tokenised, `true` when it was updated in place.
   */
  apply(doc: MentionDocument, tokens?: readonly string[]): readonly string[] | boolean {
    let segment = this.byTenant.get(doc.tenantId);
    if (!segment) {
      segment = new TenantSegment();
      this.byTenant.set(doc.tenantId, segment);
    }
    const held = segment.version(doc.id);
    if (held !== undefined && held >= doc.version) return false;
    return segment.put(doc, tokens) ?? true;
  }

  remove(tenantId: string, id: string): boolean {
    return this.byTenant.get(tenantId)?.remove(id) ?? false;
  }

  get size(): number {
    let size = 0;
    for (const segment of this.byTenant.values()) size += segment.size;
    return size;
  }

  /** Every live document with its tokens, tenant by tenant. */
  allEntries(): [MentionDocument, string[]][] {
    return [...this.byTenant.values()].flatMap((segment) => segment.liveEntries());
  }

  /** Finishes what bulk loading deferred (time-order merges). */
  settle(): void {
    for (const segment of this.byTenant.values()) segment.settle();
  }
}

/**
 * A rebuild of the embedded index: fresh segments filled from the source of truth while the
 * current ones keep serving; live writes are applied to both (by the index). Erasures seen during
 * the rebuild are re-applied at commit, so a copy read from the source before an erasure cannot
 * bring the document back.
 */
export class EmbeddedRebuild implements IndexRebuild {
  readonly target = 'embedded:fresh-segments';
  readonly segments = new TenantSegments();
  private readonly erased: [string, string][] = [];
  private settled = false;

  constructor(private readonly swap: { commit(fresh: TenantSegments): Promise<void>; abort(): Promise<void> }) {}

  async upsert(doc: MentionDocument): Promise<void> {
    if (this.settled) throw new Error('this rebuild is over');
    this.segments.apply(doc);
  }

  /** Called by the index for every erasure while the rebuild runs. */
  remove(tenantId: string, id: string): void {
    this.erased.push([tenantId, id]);
    this.segments.remove(tenantId, id);
  }

  async commit(): Promise<void> {
    this.settle();
    for (const [tenantId, id] of this.erased) this.segments.remove(tenantId, id);
    this.segments.settle();
    await this.swap.commit(this.segments);
  }

  async abort(): Promise<void> {
    this.settle();
    await this.swap.abort();
  }

  private settle(): void {
    if (this.settled) throw new Error('this rebuild is over');
    this.settled = true;
  }
}
