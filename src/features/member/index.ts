import { defineModule } from '../../platform/module.ts';
import { memberRoutes } from './member-page.routes.ts';

// A member's own page (`/<locale>/my`): what the person takes part in, contributed by the modules
// that hold it through the `member.sections` extension point (see CONTEXT.md).
export default defineModule({
  name: 'member',
  pages: memberRoutes,
  messages: new URL('./messages/', import.meta.url),
});

// What other modules may use: the point to contribute to, and what a contribution is.
export type { MemberItem, MemberItemGroup, MemberSection, MemberSectionContext, MemberSectionSource } from './member-page.model.ts';
export { memberPageSections } from './member-page.service.ts';
