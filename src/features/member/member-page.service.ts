import type { Extensions } from '../../platform/extension.ts';
import { extensionPoint } from '../../platform/extension.ts';
import type { MemberSection, MemberSectionContext, MemberSectionSource } from './member-page.model.ts';

/** Where modules add their part of a member's own page (`/<locale>/my`). */
export const memberPageSections = extensionPoint<MemberSectionSource>('member.sections');

/** Every contributed section for the signed-in person, in the contributors' order, without the ones that do not apply. */
export async function loadMemberSections(extensions: Extensions, ctx: MemberSectionContext): Promise<MemberSection[]> {
  const sources = [...extensions.all(memberPageSections)].sort((a, b) => a.order - b.order);
  const sections = await Promise.all(sources.map((source) => source.load(ctx)));
  return sections.filter((s): s is MemberSection => s !== null);
}
