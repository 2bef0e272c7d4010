/**
 * Version stamp written into every Classification. Bump it whenever a rule, lexicon,
 * threshold or library version changes, so stored results can be told apart and re-run.
 */
export const MODEL_VERSION = 'rules-2026.11.1';
