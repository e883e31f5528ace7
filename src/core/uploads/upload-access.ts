import type { Database } from '../../platform/db/client.ts';
import { extensionPoint } from '../../platform/extension.ts';
import type { CurrentUser } from '../../platform/http/context.ts';

/**
 * What a module says about a stored file and a viewer: it shows the file on a public page (`public`),
 * it holds the file only in something this viewer may see (`allowed`) or may not see (`denied`), or it
 * does not hold the file at all (`unclaimed`).
 */
export type UploadAccess = 'public' | 'allowed' | 'denied' | 'unclaimed';
export type UploadAccessRule = (db: Database, sha256: string, viewer: CurrentUser | null) => Promise<UploadAccess>;

/** Modules that keep unpublished files (a practice's draft) say here who may fetch them. */
export const uploadAccess = extensionPoint<UploadAccessRule>('uploads.access');

/**
 * How a file is served: to everyone and cached for a year (`public`), to this viewer only and never by a
 * shared cache (`private`), or as if it did not exist (`hidden`). Files are content-addressed, so the
 * same bytes may sit in a published practice and in someone's draft: one public use makes them public.
 * A file no rule claims (an expert's photo, an event's documents) stays public, as it always was.
 */
export async function decideUploadAccess(
  rules: UploadAccessRule[],
  db: Database,
  sha256: string,
  viewer: CurrentUser | null,
): Promise<'public' | 'private' | 'hidden'> {
  const answers = await Promise.all(rules.map((rule) => rule(db, sha256, viewer)));
  if (answers.includes('public')) return 'public';
  if (answers.includes('allowed')) return 'private';
  return answers.includes('denied') ? 'hidden' : 'public';
}
