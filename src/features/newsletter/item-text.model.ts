// The texts of items rendered from platform content (no I/O): shared by every item source so that an
// event and a practice look alike in an edition.

/** The longest summary an item shows: a mail is read in a glance, and the link leads to the rest. */
export const ITEM_SUMMARY_LENGTH = 300;

/**
 * A summary as one short plain-text paragraph: whitespace (paragraph breaks included) collapsed, and
 * cut at a word boundary with an ellipsis when longer than `max`, so no word is broken in half.
 */
export function itemSummary(text: string, max = ITEM_SUMMARY_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A text without spaces (a long URL, a language written without them) is cut where it must be.
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The UTC calendar day of an instant ('YYYY-MM-DD'), for content whose day has no time zone of its own. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
