import type { CurrentUser } from '../../web/context.ts';
import { can } from '../accounts/policy.ts';
import type { ExpertVisibility } from './experts.table.ts';

// Who sees which profiles: the one rule every page, list, count, facet and API of experts applies.
// Anonymous visitors see public profiles; verified members also members-only ones; editors all,
// hidden included. An expert always sees their own profile.

export function visibleLevels(user: CurrentUser | null): ExpertVisibility[] {
  if (can(user, 'edit-content')) return ['public', 'members', 'hidden'];
  if (can(user, 'act-as-member')) return ['public', 'members'];
  return ['public'];
}

/** Whether `user` may see a profile with this visibility, owned by `ownerUserId`. */
export function canSeeExpert(user: CurrentUser | null, visibility: ExpertVisibility, ownerUserId: number | null): boolean {
  return visibleLevels(user).includes(visibility) || (user !== null && user.id === ownerUserId);
}
