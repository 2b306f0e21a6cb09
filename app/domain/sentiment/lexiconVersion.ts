/**
 * Version of the lexicons and rules together. Stored with every score; a mention scored under an
 * older version is re-scored by the backlog job, so change this string whenever a word list or
 * weight changes.
 * @example
 * lexiconVersion; // "pulse-1.1.0+afinn165"
 */
export const lexiconVersion = "pulse-1.1.0+afinn165";
