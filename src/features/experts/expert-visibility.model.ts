import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
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

/** Suspended profiles (account disabled) are for editors' eyes only: those who may see hidden ones. */
export function seesSuspended(visible: ExpertVisibility[]): boolean {
  return visible.includes('hidden');
}

// A bucket is visibility × suspended: the unit of this rule inside the directory index
// (directory-index/expert-index.model.ts), for array lookups instead of string tests.
const LEVELS: ExpertVisibility[] = ['public', 'members', 'hidden'];
export const BUCKETS = LEVELS.length * 2;

export function bucketOf(visibility: ExpertVisibility, suspended: boolean): number {
  return LEVELS.indexOf(visibility) * 2 + (suspended ? 1 : 0);
}

/** Which buckets the reader may see. */
export function visibleBuckets(levels: ExpertVisibility[]): Uint8Array {
  const mask = new Uint8Array(BUCKETS);
  for (const level of levels) {
    mask[bucketOf(level, false)] = 1;
    if (seesSuspended(levels)) mask[bucketOf(level, true)] = 1;
  }
  return mask;
}
