import { getAccount } from '../../../core/accounts/accounts.service.ts';
import { recordAudit } from '../../../core/audit/audit.service.ts';
import { findOrAddCity } from '../../../core/cities/cities.service.ts';
import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import { slugify } from '../../../platform/lib/slug.ts';
import type { FormErrors } from '../../../platform/ui/forms.tsx';
import { canSeeExpert } from '../expert-visibility.model.ts';
import type { ExpertProfileForm } from './expert-profile.forms.ts';
import { type ExpertProfile, RESERVED_EXPERT_SLUGS } from './expert-profile.model.ts';
import * as q from './expert-profile.queries.ts';

// A verified member's expert profile: opting in (with consent), editing, removing the listing (the
// photo: expert-photo.service.ts). One expert row per member (experts.user_id); one transaction per
// save. Who sees a profile is decided by expert-visibility.model.ts, nowhere else.

async function toProfile(db: Database, row: q.ExpertRow): Promise<ExpertProfile> {
  const lists = await q.findExpertLists(db, row.id);
  return {
    id: row.id,
    slug: row.slug,
    userId: row.user_id,
    displayName: row.display_name,
    organisation: row.organisation,
    position: row.position,
    cityId: row.city_id,
    city:
      row.city_name && row.city_slug && row.city_country
        ? { name: row.city_name, names: row.city_names ?? {}, slug: row.city_slug, country_code: row.city_country }
        : null,
    countryCode: row.country_code?.trim() ?? null,
    regionSlug: row.region_slug ?? null,
    visibility: row.visibility,
    yearsExperience: row.years_experience,
    availability: row.availability,
    links: row.links ?? [],
    photo: row.photo,
    contactEnabled: row.contact_enabled,
    listingConsentAt: row.listing_consent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    languages: lists.languages,
    themes: lists.themes,
    topics: lists.topics,
    experienceRegions: lists.regions,
    experienceCountries: lists.countries,
    translations: lists.translations,
  };
}

/** A whole profile by id, whoever may see it: callers check canSeeExpert (or use findVisibleExpert). */
export async function loadExpertProfile(db: Database, expertId: number): Promise<ExpertProfile | undefined> {
  const row = await q.findExpertById(db, expertId);
  return row ? toProfile(db, row) : undefined;
}

/** The profile behind /experts/<slug> if `viewer` may see it; undefined otherwise (hidden ones are not revealed). */
export async function findVisibleExpert(db: Database, slug: string, viewer: CurrentUser | null): Promise<ExpertProfile | undefined> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return undefined;
  const row = await q.findExpertBySlug(db, slug);
  if (!row || !canSeeExpert(viewer, row.visibility, row.user_id)) return undefined;
  if (row.suspended && !can(viewer, 'edit-content')) return undefined;
  // Deleting an account keeps its (anonymised) users row, so the expert row does not cascade away:
  // the profile of a deleted account is never shown.
  if (row.user_id !== null && !(await getAccount(db, row.user_id))) return undefined;
  return toProfile(db, row);
}

/** The member's own profile, or undefined before they opt in. */
export async function getMyExpertProfile(db: Database, userId: number): Promise<ExpertProfile | undefined> {
  const own = await q.findExpertIdOfUser(db, userId);
  return own ? loadExpertProfile(db, own.id) : undefined;
}

/** What the profile form needs besides the profile: the country and region codes it may offer. */
export async function loadProfileChoices(db: Database): Promise<{ countries: string[]; regions: string[] }> {
  const [index, regions] = await Promise.all([loadTaxonomyIndex(db), q.listRegionSlugs(db)]);
  return { countries: [...index.countries].sort(), regions };
}

export type SaveOutcome =
  | { ok: true; slug: string; created: boolean }
  | { ok: false; errors: FormErrors }
  | { ok: false; reason: 'no-account' };

/**
 * Creates or updates the member's profile from a valid form, in one transaction: the record, its lists,
 * and the texts of the form's language. The name shown is the account's; the slug is given once.
 */
export async function saveMyExpertProfile(ctx: { db: Database; user: CurrentUser }, form: ExpertProfileForm): Promise<SaveOutcome> {
  // Two first saves at the same moment (a double click) may pick the same slug: the loser tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute((trx) => saveIn(trx, ctx.user, form));
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== '23505') throw error;
    }
  }
}

async function saveIn(trx: Database, user: CurrentUser, form: ExpertProfileForm): Promise<SaveOutcome> {
  const account = await getAccount(trx, user.id);
  if (!account) return { ok: false, reason: 'no-account' };
  const [index, regionSlugs] = await Promise.all([loadTaxonomyIndex(trx), q.listRegionSlugs(trx)]);
  const errors: FormErrors = {};
  if (form.country && !index.countries.has(form.country)) errors.country = 'invalid';
  if (form.experienceCountries.some((code) => !index.countries.has(code))) errors.experienceCountries = 'countryCodes';
  if (form.region.some((slug) => !regionSlugs.includes(slug))) errors.region = 'invalid';
  if (Object.keys(errors).length) return { ok: false, errors };

  // A topic implies its theme; unknown slugs are dropped (the checkboxes only offer known ones).
  const topics = form.topic.filter((slug) => index.themeOfTopic.has(slug));
  const themes = [
    ...new Set([...form.theme.filter((slug) => index.themes.has(slug)), ...topics.map((slug) => index.themeOfTopic.get(slug) as string)]),
  ];
  const record: q.ExpertRecord = {
    display_name: account.name,
    organisation: form.organisation,
    position: form.position,
    city_id: form.city && form.country ? await findOrAddCity(trx, form.country, form.city) : null,
    country_code: form.country || null,
    visibility: form.visibility,
    years_experience: form.yearsExperience,
    availability: form.availability,
    links: form.links,
    contact_enabled: form.contactEnabled === 'yes',
  };

  let existing = await q.lockExpertOfUser(trx, user.id);
  let created = false;
  if (!existing) {
    const inserted = await insertWithFreeSlug(trx, user.id, slugify(account.name, 'expert'), { ...record, listing_consent_at: new Date() });
    created = inserted !== undefined;
    if (inserted) await recordListing(trx, user.id, 'expert.listed', { visibility: record.visibility });
    // undefined: a concurrent save created the row in between; this one updates it.
    existing = inserted ? { ...inserted, listing_consent_at: new Date(), photo: null } : await q.lockExpertOfUser(trx, user.id);
    if (!existing) throw new Error('expert row vanished during save');
  }
  if (!created) {
    // Consent is recorded once, with its time; a profile created without it (an import) gets it now.
    await q.updateExpert(trx, existing.id, existing.listing_consent_at ? record : { ...record, listing_consent_at: new Date() });
    if (!existing.listing_consent_at) await recordListing(trx, user.id, 'expert.listed', { visibility: record.visibility, claimed: true });
  }
  const id = existing.id;
  await q.replaceExpertLanguages(trx, id, form.languages);
  await q.replaceExpertTaxonomy(trx, id, { themes, topics, regions: form.region, countries: form.experienceCountries });
  if (form.intent === 'remove-lang' || (!form.headline && !form.bio)) await q.deleteExpertTranslation(trx, id, form.lang);
  else await q.upsertExpertTranslation(trx, { expertId: id, locale: form.lang, headline: form.headline, bio: form.bio });
  return { ok: true, slug: existing.slug, created };
}

/** Inserts the member's row under the first free slug (base, base-2, …), never a reserved one. */
async function insertWithFreeSlug(
  trx: Database,
  userId: number,
  base: string,
  row: q.ExpertRecord & { listing_consent_at: Date },
): Promise<{ id: number; slug: string } | undefined> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (RESERVED_EXPERT_SLUGS.has(slug) || (await q.isExpertSlugTaken(trx, slug))) continue;
    const id = await q.insertExpert(trx, { ...row, slug, user_id: userId });
    if (id !== undefined) return { id, slug };
    if (await q.findExpertIdOfUser(trx, userId)) return undefined;
  }
}

/**
 * Withdraws consent: the member's expert row goes, with its texts, lists and contact log. Their account
 * stays. Returns false when there was no listing.
 */
export function removeMyExpertListing(db: Database, user: CurrentUser): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const own = await q.lockExpertOfUser(trx, user.id);
    if (!own) return false;
    await q.deleteExpert(trx, own.id);
    await recordListing(trx, user.id, 'expert.unlisted', {});
    return true;
  });
}

/** Consent to being listed, and its withdrawal, go to the audit log (who and when; never profile text). */
function recordListing(trx: Database, userId: number, action: 'expert.listed' | 'expert.unlisted', details: Record<string, unknown>) {
  return recordAudit(trx, { action, actorUserId: userId, subjectUserId: userId, details });
}

/** Deletes a member's listing inside the caller's transaction (account deletion). */
export async function deleteExpertProfileOfUser(trx: Database, userId: number): Promise<void> {
  const own = await q.lockExpertOfUser(trx, userId);
  if (own) await q.deleteExpert(trx, own.id);
}

/** Takes a member's profile out of the directory while an administrator has disabled the account. */
export async function suspendExpertProfileOfUser(trx: Database, userId: number, suspended: boolean): Promise<void> {
  await q.setSuspendedOfUser(trx, userId, suspended);
}
