/** Fields a reprocessing query may filter on: what the classifier's own record of a mention knows. */
export const REPROCESS_FIELDS = ['lang', 'sentiment', 'intent', 'channel', 'author', 'topic'];
