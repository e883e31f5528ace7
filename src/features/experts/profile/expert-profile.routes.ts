import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getAccount } from '../../../core/accounts/accounts.service.ts';
import { listThemesWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import { uploadBodyLimit } from '../../../core/uploads/uploads.routes.ts';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import type { FormErrors } from '../../../platform/ui/forms.tsx';
import { firstString, readFormBody } from '../experts.forms.ts';
import { RemoveListingPage } from './expert-listing-removal.views.tsx';
import { type PhotoError, removeMyExpertPhoto, setMyExpertPhoto } from './expert-photo.service.ts';
import { nextLanguage, type ProfileValues, parseExpertProfileForm, profileValues } from './expert-profile.forms.ts';
import type { ExpertProfile } from './expert-profile.model.ts';
import { getMyExpertProfile, loadProfileChoices, removeMyExpertListing, saveMyExpertProfile } from './expert-profile.service.ts';
import { ExpertProfileFormPage, PROFILE_NOTICES, type ProfileNotice } from './expert-profile.views.tsx';

// A member's expert profile, /my/expert-profile: opt in, edit, photo, remove. Verified members only.

const user = (c: Context<AppEnv>) => c.var.user as CurrentUser;
const myPath = (c: Context<AppEnv>) => `/${c.var.locale}/my/expert-profile`;

/** Typed values to show again: strings and lists of strings only (never a file). */
function typedValues(raw: Record<string, unknown>): ProfileValues {
  const values: ProfileValues = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value.slice(0, 10_000);
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string').slice(0, 100);
  }
  return values;
}

function langOf(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return isLocale(lang) ? lang : c.var.locale;
}

type FormState = {
  profile: ExpertProfile | undefined;
  lang: Locale;
  values?: ProfileValues;
  errors?: FormErrors;
  photoError?: PhotoError;
  notice?: ProfileNotice;
};

async function showForm(c: Context<AppEnv>, state: FormState, status: ContentfulStatusCode = 200) {
  const { i18n, deps, csrfToken } = c.var;
  const [themes, choices, account] = await Promise.all([
    listThemesWithTopics(deps.db, i18n.locale),
    loadProfileChoices(deps.db),
    getAccount(deps.db, user(c).id),
  ]);
  return renderPage(
    c,
    {
      title: i18n.t('expertProfile.title'),
      indexable: false,
      children: ExpertProfileFormPage({
        i18n,
        csrfToken,
        name: account?.name ?? user(c).name,
        profile: state.profile,
        lang: state.lang,
        values: state.values ?? profileValues(state.profile, state.lang),
        errors: state.errors ?? {},
        themes,
        countries: choices.countries,
        regions: choices.regions,
        notice: state.notice,
        photoError: state.photoError,
      }),
    },
    status,
  );
}

const readNotice = (value: string | undefined): ProfileNotice | undefined =>
  (PROFILE_NOTICES as readonly string[]).includes(value ?? '') ? (value as ProfileNotice) : undefined;

/** /my/expert-profile: the member's own profile. Verified members only. */
export const myExpertProfileRoutes = new Hono<AppEnv>()
  .use('/my/expert-profile', requires('act-as-member'))
  .use('/my/expert-profile/*', requires('act-as-member'))
  .get('/my/expert-profile', async (c) => {
    const profile = await getMyExpertProfile(c.var.deps.db, user(c).id);
    return showForm(c, { profile, lang: langOf(c), notice: readNotice(c.req.query('notice')) });
  })
  .post('/my/expert-profile', async (c) => {
    const raw = await readFormBody(c);
    const profile = await getMyExpertProfile(c.var.deps.db, user(c).id);
    const parsed = parseExpertProfileForm(raw, !profile?.listingConsentAt);
    const lang = isLocale(raw.lang) ? raw.lang : c.var.locale;
    if (!parsed.ok) return showForm(c, { profile, lang, values: typedValues(raw), errors: parsed.errors }, 422);
    const outcome = await saveMyExpertProfile({ db: c.var.deps.db, user: user(c) }, parsed.data);
    if (!outcome.ok) {
      if ('reason' in outcome) return c.notFound();
      return showForm(c, { profile, lang, values: typedValues(raw), errors: outcome.errors }, 422);
    }
    const form = parsed.data;
    const notice = outcome.created ? 'created' : 'saved';
    return c.redirect(`${myPath(c)}?lang=${nextLanguage(form)}&notice=${notice}`, 303);
  })
  .post(
    '/my/expert-profile/photo',
    uploadBodyLimit({
      onTooLarge: async (c, error) => {
        const profile = await getMyExpertProfile(c.var.deps.db, user(c).id);
        return showForm(c, { profile, lang: langOf(c), photoError: { error: error.error, values: error.values ?? {}, alt: '' } }, 413);
      },
    }),
    async (c) => {
      const form = await readFormBody(c);
      const { deps } = c.var;
      const outcome = await setMyExpertPhoto({ db: deps.db, user: user(c) }, { file: form.file, alt: firstString(form.alt) }, deps.config);
      if (outcome === 'no-profile') return c.redirect(myPath(c), 303);
      if (outcome !== 'saved') {
        const profile = await getMyExpertProfile(deps.db, user(c).id);
        return showForm(c, { profile, lang: langOf(c), photoError: outcome }, 422);
      }
      return c.redirect(`${myPath(c)}?notice=photoSaved#photo`, 303);
    },
  )
  .post('/my/expert-profile/photo/remove', async (c) => {
    await readFormBody(c);
    const removed = await removeMyExpertPhoto(c.var.deps.db, user(c));
    return c.redirect(removed ? `${myPath(c)}?notice=photoRemoved#photo` : myPath(c), 303);
  })
  .get('/my/expert-profile/remove', async (c) => {
    const { i18n, deps, csrfToken } = c.var;
    const profile = await getMyExpertProfile(deps.db, user(c).id);
    if (!profile) return c.redirect(myPath(c), 303);
    return renderPage(c, {
      title: i18n.t('expertProfile.removeConfirmTitle'),
      indexable: false,
      children: RemoveListingPage({ i18n, csrfToken, profile }),
    });
  })
  .post('/my/expert-profile/remove', async (c) => {
    const form = await readFormBody(c);
    // Only the confirmation page's button removes: a stray request without it asks again.
    if (firstString(form.confirm) !== 'yes') return c.redirect(`${myPath(c)}/remove`, 303);
    const removed = await removeMyExpertListing(c.var.deps.db, user(c));
    return c.redirect(removed ? `${myPath(c)}?notice=removed` : myPath(c), 303);
  });
