import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';

// What a section of a member's own page is. The member page names no module: each module that holds
// something of the person contributes a section through the `member.sections` extension point, so the
// page shows what a module offers without this module importing it (docs/code-style.md).

/** A link on the page; `external` ones (an online room) leave the site. */
export type MemberLink = { href: string; label: string; external?: boolean };

/** One thing of the member's: a registration, an application, a practice… */
export type MemberItem = {
  title: string;
  /** The language of the title when it is content written by people (not the interface's). */
  lang?: string;
  /** Where the item is managed. */
  href: string;
  /** Its state in words ("Confirmed", "In review"). */
  state: string;
  /** A line of facts: dates, a deadline. */
  detail?: string;
  /** A further link on the item, e.g. the join link of an upcoming online event. */
  action?: MemberLink;
};

/** Items under an optional subheading ("Upcoming", "Past"). */
export type MemberItemGroup = { heading?: string; items: MemberItem[] };

export type MemberSection = {
  /** The section's anchor on the page (`#events`); unique. */
  id: string;
  heading: string;
  groups: MemberItemGroup[];
  /** Where all of it is managed (shown when there are items). */
  manage?: MemberLink;
  /** What shows when there is nothing yet: a sentence and the link to start. */
  empty: { text: string; start: MemberLink };
};

export type MemberSectionContext = { db: Database; i18n: I18n; user: CurrentUser; now: Date };

/**
 * A module's contribution: its place among the sections (ascending) and how to load it for the signed-in
 * person. `load` returns null when the section does not apply to this person (an editor's tools for a
 * member), and only ever reads rows of `ctx.user`.
 */
export type MemberSectionSource = { order: number; load: (ctx: MemberSectionContext) => Promise<MemberSection | null> };

export function hasItems(section: MemberSection): boolean {
  return section.groups.some((g) => g.items.length > 0);
}
