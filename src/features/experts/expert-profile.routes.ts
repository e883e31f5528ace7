import { type Context, Hono, type Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getAccount } from '../../core/accounts/accounts.service.ts';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import { uploadBodyLimit } from '../../core/uploads/uploads.routes.ts';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { can } from '../../platform/http/policy.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors, keepTyped, parseForm } from '../../platform/ui/forms.tsx';
import { expertContactForm } from './expert-contact.forms.ts';
import { describeExpertContact, getExpertContactLog, sendExpertMessage } from './expert-contact.service.ts';
import { ExpertContact, type ExpertContactFormState, ExpertContactLogView } from './expert-contact.views.tsx';
import { RemoveListingPage } from './expert-listing-removal.views.tsx';
import { ExpertHead, ExpertPage } from './expert-page.views.tsx';
import { nextLanguage, type ProfileValues, parseExpertProfileForm, profileValues } from './expert-profile.forms.ts';
import {
  type ExpertProfile,
  findVisibleExpert,
  getMyExpertProfile,
  loadProfileChoices,
  type PhotoError,
  pickExpertText,
  RESERVED_EXPERT_SLUGS,
  removeMyExpertListing,
  removeMyExpertPhoto,
  saveMyExpertProfile,
  setMyExpertPhoto,
} from './expert-profile.service.ts';
import { ExpertProfileFormPage, PROFILE_NOTICES, type ProfileNotice } from './expert-profile.views.tsx';

// A member's expert profile (/my/expert-profile: opt in, edit, photo, remove) and an expert's page
// (/experts/<slug>: the profile as the viewer may see it, and the contact form).

const user = (c: Context<AppEnv>) => c.var.user as CurrentUser;
const myPath = (c: Context<AppEnv>) => `/${c.var.locale}/my/expert-profile`;

/** The form, its text cleaned; a body that is not a readable form is the client's error (400), not ours. */
async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

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

const firstString = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

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
    const raw = await body(c);
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
      const form = await body(c);
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
    await body(c);
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
    const form = await body(c);
    // Only the confirmation page's button removes: a stray request without it asks again.
    if (firstString(form.confirm) !== 'yes') return c.redirect(`${myPath(c)}/remove`, 303);
    const removed = await removeMyExpertListing(c.var.deps.db, user(c));
    return c.redirect(removed ? `${myPath(c)}?notice=removed` : myPath(c), 303);
  });

/** An expert's page in the state a request left its contact form. */
async function showExpert(
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
  const url = `${deps.config.BASE_URL}/${i18n.locale}/experts/${profile.slug}`;
  const isOwner = viewer !== null && viewer.id === profile.userId;
  const headline = pickExpertText(profile.translations, i18n.locale)?.headline;
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
async function expertOf(c: Context<AppEnv>): Promise<ExpertProfile | undefined> {
  const slug = c.req.param('slug') ?? '';
  if (RESERVED_EXPERT_SLUGS.has(slug)) return undefined;
  return findVisibleExpert(c.var.deps.db, slug, c.var.user);
}

/** /experts/<slug>: an expert's page and its contact form. */
export const expertPageRoutes = new Hono<AppEnv>()
  .get('/experts/:slug', async (c: Context<AppEnv>, next: Next) => {
    const profile = await expertOf(c);
    if (!profile) return next();
    return showExpert(c, profile, { sent: c.req.query('sent') === '1' });
  })
  .post('/experts/:slug/contact', requires('act-as-member'), async (c: Context<AppEnv>, next: Next) => {
    const profile = await expertOf(c);
    if (!profile) return next();
    return contact(c, profile);
  });

async function contact(c: Context<AppEnv>, profile: ExpertProfile): Promise<Response> {
  const { deps, locale } = c.var;
  const submitted = await body(c);
  const parsed = parseForm(expertContactForm, submitted);
  if (!parsed.ok) return showExpert(c, profile, { form: { errors: parsed.errors, values: parsed.values } }, 422);
  const result = await sendExpertMessage({ db: deps.db, baseUrl: deps.config.BASE_URL }, profile.id, user(c), parsed.data);
  if (result.ok) return c.redirect(`/${locale}/experts/${profile.slug}?sent=1#contact`, 303);
  if (result.reason === 'not-found') return c.notFound();
  if (result.reason === 'rate-limited') {
    // The form again, with what was typed: nothing is lost while waiting.
    c.header('retry-after', String(result.retryAfter));
    const form = {
      errors: { form: result.limit === 'sender' ? 'rateLimited' : 'recipientBusy' },
      values: keepTyped(submitted),
      retryAfterSeconds: result.retryAfter,
    };
    return showExpert(c, profile, { form }, 429);
  }
  // Contact turned off, nobody reachable, or writing to oneself: the page says so instead of the form.
  return showExpert(c, profile, {}, 409);
}

/** Everything this file serves; app.ts mounts it once under /<locale>/. */
export const expertProfileRoutes = new Hono<AppEnv>().route('/', myExpertProfileRoutes).route('/', expertPageRoutes);
