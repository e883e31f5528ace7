import type { EventRow } from '../events.table.ts';

/** What decides whether an event takes registrations. */
export type RegistrationWindow = Pick<EventRow, 'status' | 'starts_at' | 'ends_at' | 'registration_opens_at' | 'registration_closes_at'>;

export type RegistrationState = 'open' | 'not-open' | 'closed' | 'over' | 'not-taking';

/** Whether registration is open at `now`: published, not over, inside the window (which ends at the start by default). */
export function registrationState(e: RegistrationWindow, now: Date): RegistrationState {
  if (e.status !== 'published') return 'not-taking';
  if (now >= e.ends_at) return 'over';
  if (e.registration_opens_at && now < e.registration_opens_at) return 'not-open';
  if (now >= (e.registration_closes_at ?? e.starts_at)) return 'closed';
  return 'open';
}
