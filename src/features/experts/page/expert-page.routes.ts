import { type Context, Hono, type Next } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listThemesWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { sendShareCard } from '../../../platform/http/share-card.ts';
import { isLocale } from '../../../platform/i18n/locales.ts';
import { describeExpertContact, getExpertContactLog } from '../contact/expert-contact.service.ts';
import { ExpertContact, type ExpertContactFormState, ExpertContactLogView } from '../contact/expert-contact.views.tsx';
import { type ExpertProfile, pickExpertText, RESERVED_EXPERT_SLUGS } from '../profile/expert-profile.model.ts';
import { findVisibleExpert } from '../profile/expert-profile.service.ts';
import { ExpertHead, ExpertPage, expertCardKey, expertShareImage } from './expert-page.views.tsx';

// An expert's page, /experts/<slug>: the profile as the viewer may see it, and the contact form
// (posted to contact/expert-contact.routes.ts, which shows this page again with the outcome).

/** An expert's page in the state a request left its contact form. */
export async function showExpert(
  c: Context<AppEnv>,
  profile: ExpertProfile,
  contact: { sent?: boolean; form?: ExpertContactFormState },
  status: ContentfulStatusCode = 200,
) {
  const { i18n, deps, user: viewer, csrfToken } = c.var;
  const [themes, state, log] = await Promise.all([
    listThemesWithTopics(deps.db, i18n.locale),
    describeExpertContact(deps.db, profile, viewer?.id ?? null),
    getExpertContactLog(deps.db, viewer, profile.id),
  ]);
  const text = pickExpertText(profile.translations, i18n.locale);
  const headline = text?.headline;
  const shown = text && isLocale(text.locale) ? text.locale : i18n.locale;
  const url = `${deps.config.BASE_URL}/${shown}/experts/${profile.slug}`;
  const isOwner = viewer !== null && viewer.id === profile.userId;
  return renderPage(
    c,
    {
      title: profile.displayName,
      description: headline,
      section: 'experts',
      // The page's own path, also after a POST to …/contact (which has no GET): the language switcher keeps it.
      path: `/experts/${profile.slug}`,
      // Members-only and hidden profiles are not for search engines, whoever looks at them.
      indexable: profile.visibility === 'public',
      // The texts' languages only (the name is the same in all); a fallback text's page is canonical in its language.
      contentLocales: text ? { available: profile.translations.map((tx) => tx.locale), shown: text.locale } : undefined,
      share: { type: 'profile', image: expertShareImage(i18n, profile, deps.config.BASE_URL) },
      head: ExpertHead({ i18n, profile, url, baseUrl: deps.config.BASE_URL }),
      children: [
        ExpertPage({ i18n, profile, themes, viewer: isOwner ? 'owner' : can(viewer, 'edit-content') ? 'editor' : 'other' }),
        ExpertContact({
          i18n,
          csrfToken,
          slug: profile.slug,
          name: profile.displayName,
          viewer: !viewer ? 'anonymous' : can(viewer, 'act-as-member') ? 'member' : 'unverified',
          state,
          ...contact,
        }),
        ExpertContactLogView({ i18n, log }),
      ],
    },
    status,
  );
}

/**
 * The profile behind a slug, if this viewer may see it. Reserved slugs ("match", "map") and unknown
 * ones are not this page's: the request goes on to the other /experts/… routes (else the 404 page).
 */
export async function expertOf(c: Context<AppEnv>): Promise<ExpertProfile | undefined> {
  const slug = c.req.param('slug') ?? '';
  if (RESERVED_EXPERT_SLUGS.has(slug)) return undefined;
  return findVisibleExpert(c.var.deps.db, slug, c.var.user);
}

/** /experts/<slug>: an expert's page. */
export const expertPageRoutes = new Hono<AppEnv>()
  .get('/experts/:slug', async (c: Context<AppEnv>, next: Next) => {
    const profile = await expertOf(c);
    if (!profile) return next();
    return showExpert(c, profile, { sent: c.req.query('sent') === '1' });
  })
  // A public profile's share card, with the name from the database; other profiles have none.
  .get('/experts/:slug/card.png', async (c: Context<AppEnv>, next: Next) => {
    const profile = await expertOf(c);
    if (profile?.visibility !== 'public') return next();
    return sendShareCard(c, { key: expertCardKey(profile), title: profile.displayName });
  });
