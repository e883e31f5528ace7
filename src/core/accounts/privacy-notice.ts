import type { Database } from '../../platform/db/client.ts';
import { extensionPoint } from '../../platform/extension.ts';

// A consent (registration, the newsletter) is stored with the version of the privacy notice agreed to,
// so that it identifies the text. The notice is an editable page of a module further up (network), so
// that module contributes the version of what it publishes: the moment of its last change.

/** The version of the privacy notice published now; null when the contributing module has none. */
export type PrivacyNoticeVersionSource = (db: Database) => Promise<string | null>;

export const privacyNoticeVersions = extensionPoint<PrivacyNoticeVersionSource>('accounts.privacyNoticeVersion');

/** Without a contributed version (no module publishes the notice): the date of the notice shipped first. */
export const FALLBACK_PRIVACY_NOTICE_VERSION = '2026-11-24';

/** The first contributed version, else the fallback. */
export async function currentPrivacyNoticeVersion(db: Database, sources: readonly PrivacyNoticeVersionSource[]): Promise<string> {
  for (const source of sources) {
    const version = await source(db);
    if (version) return version;
  }
  return FALLBACK_PRIVACY_NOTICE_VERSION;
}
