import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type ValidationMetadata = ReturnType<Lookup>[number];
const INSTALLED = Symbol.for('cxm.validationMetadataCache');

/**
 * Makes class-validator look up a class's constraints once instead of at every `validate()` call.
 *
 * Why: class-validator recomputes them on every call, for every nested object, by filtering the
 * class's metadata and walking *every* decorated class of the process to find its ancestors (ADR
 * 0022). With a mention validated at the HTTP edge and each event at publish (and at consume when
 * it crossed a process boundary), that lookup was ~4 % of the all-in-one's CPU under
 * `bench:ingest`. The answer only changes when a decorator registers new metadata, so the memo is
 * dropped whenever that happens (classes decorated later, e.g. lazily imported ones, are seen).
 * Same metadata, same order, hence the same errors and messages
 * (`validation-metadata-cache.spec.ts` compares both over valid and invalid samples).
 *
 * Installed once per process (on the global metadata storage every copy of the library shares) when
 * `@cxm/contracts` is loaded. The memoized arrays are frozen, so a caller that tried to change
 * one would fail loudly rather than change what the next validation sees.
 */
export function installValidationMetadataCache(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let byTarget = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  const forget = () => {
    byTarget = new Map();
    grouped = new WeakMap();
  };

  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidationMetadata(metadata);
  };
  const addConstraintMetadata = storage.addConstraintMetadata.bind(storage);
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraintMetadata(metadata);
  };

  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = `${targetSchema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = byTarget.get(targetConstructor);
    if (!forTarget) byTarget.set(targetConstructor, (forTarget = new Map()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = Object.freeze(lookup(targetConstructor, targetSchema, always, strictGroups, groups)) as ValidationMetadata[]));
    return found;
  };

  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) {
      found = group(metadata);
      Object.values(found).forEach((list) => Object.freeze(list));
      // Only the frozen arrays handed out above are memoized; any other array is grouped afresh.
      if (Object.isFrozen(metadata)) grouped.set(metadata, Object.freeze(found));
    }
    return found;
  };
}
