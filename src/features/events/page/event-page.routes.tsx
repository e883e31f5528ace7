import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppDeps, AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { can } from '../../../platform/http/policy.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { sendShareCard } from '../../../platform/http/share-card.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { isLocale } from '../../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors } from '../../../platform/ui/forms.tsx';
import { registrationForm } from '../registration/event-registration.forms.ts';
import { cancelRegistration, registerForEvent } from '../registration/event-registration.service.ts';
import type { RegistrationFormValues, RegistrationView } from '../registration/event-registration.views.tsx';
import { EventHead, eventCardKey, eventShareImage } from './event-head.views.tsx';
import {
  type EventOutcomeSection,
  eventOutcomes,
  type LoadedEvent,
  loadEvent,
  participantFigures,
  registrationStateOf,
  viewerRegistration,
} from './event-page.service.ts';
import { EventPage } from './event-page.views.tsx';

// One event: its page, registration and cancellation (its calendar file: calendar/).

const NOTICES = new Set(['registered', 'waitlisted', 'cancelled', 'already']);
const EMPTY_FORM: RegistrationFormValues = { city: '', country: '', role: '', brings: '', bringsText: '', dietary: '' };

async function formBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody()) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

async function renderEvent(
  c: Context<AppEnv>,
  loaded: LoadedEvent,
  form?: { values: RegistrationFormValues; errors: FormErrors },
  status: 200 | 422 | 429 = 200,
) {
  const { i18n, deps, user, csrfToken } = c.var;
  const { event, text } = loaded;
  const over = event.ends_at.getTime() < Date.now();
  const [figures, registration, taxonomy, themes, outcomes] = await Promise.all([
    over ? participantFigures(deps.db, event.id) : null,
    user && !over ? viewerRegistration(deps.db, event.id, user.id) : undefined,
    loadTaxonomyIndex(deps.db),
    listThemesWithTopics(deps.db, i18n.locale),
    over ? listEventOutcomes(deps, i18n, event.id) : [],
  ]);
  const path = new URL(c.req.url).pathname;
  let view: RegistrationView;
  if (!user) view = { kind: 'sign-in', next: path };
  else if (!can(user, 'act-as-member')) view = { kind: 'verify' };
  else if (registration && registration.status !== 'cancelled') view = { kind: 'registration', registration };
  else {
    const state = registrationStateOf(event);
    view = state === 'open' ? { kind: 'form', values: form?.values ?? EMPTY_FORM, errors: form?.errors ?? {} } : { kind: 'state', state };
  }
  const countries = [...taxonomy.countries]
    .map((code) => ({ code, name: i18n.countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
  const notice = c.req.query('notice');
  if (user) c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: text.title,
      description: text.summary,
      section: 'events',
      // Only the languages it is written in; shown in a fallback language, its canonical is that language's page.
      contentLocales: { available: event.texts.map((tx) => tx.locale), shown: text.locale },
      share: { image: eventShareImage(i18n, event, text, deps.config.BASE_URL) },
      head: (
        <>
          <EventHead
            i18n={i18n}
            event={event}
            text={text}
            url={`${deps.config.BASE_URL}/${isLocale(text.locale) ? text.locale : i18n.locale}/events/${event.slug}`}
          />
          <script src={deps.assets.url('js/local-time.js')} defer />
        </>
      ),
      children: EventPage({
        i18n,
        event,
        text,
        figures,
        outcomes,
        registration: view,
        countries,
        themeLabels: new Map(themes.map((th) => [th.slug, th.label])),
        csrfToken,
        notice: notice && NOTICES.has(notice) ? notice : undefined,
      }),
    },
    status,
  );
}

/** The event as the viewer may see it (drafts for editors only), else a 404. */
export async function loadedEventOr404(c: Context<AppEnv>, slug: string): Promise<LoadedEvent> {
  const loaded = await loadEvent(c.var.deps.db, slug, c.var.locale, c.var.user);
  if (!loaded) throw new HTTPException(404, { message: 'not-found' });
  return loaded;
}

const registrationCtx = (c: Context<AppEnv>) => ({
  db: c.var.deps.db,
  baseUrl: c.var.deps.config.BASE_URL,
  mailFrom: c.var.deps.config.MAIL_FROM,
});

export const eventPageRoutes = new Hono<AppEnv>()
  .get('/events/:slug{[a-z0-9-]+}', async (c) => renderEvent(c, await loadedEventOr404(c, c.req.param('slug'))))
  // Its share card: the title in the language the page shows, from the database.
  .get('/events/:slug{[a-z0-9-]+}/card.png', async (c) => {
    const { event, text } = await loadedEventOr404(c, c.req.param('slug'));
    return sendShareCard(c, { key: eventCardKey(event.id, text), title: text.title, draft: event.status === 'draft' });
  })
  .post('/events/:slug{[a-z0-9-]+}/register', requires('act-as-member'), async (c) => {
    const loaded = await loadedEventOr404(c, c.req.param('slug'));
    const body = await formBody(c);
    const parsed = registrationForm.safeParse(body);
    const values: RegistrationFormValues = {
      ...EMPTY_FORM,
      ...Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')),
    } as RegistrationFormValues;
    if (!parsed.success) {
      const errors: FormErrors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return renderEvent(c, loaded, { values, errors }, 422);
    }
    const f = parsed.data;
    const { event } = loaded;
    const answers = {
      ...(event.questions.includes('role') && f.role ? { role: f.role } : {}),
      ...(event.questions.includes('brings') && (f.brings || f.bringsText) ? { brings: f.brings, bringsText: f.bringsText } : {}),
      ...(event.questions.includes('dietary') && event.format !== 'virtual' && f.dietary ? { dietary: f.dietary } : {}),
    };
    const outcome = await registerForEvent(registrationCtx(c), c.var.user as CurrentUser, event.id, {
      city: f.city,
      country: f.country,
      answers,
    });
    if (!outcome.ok && outcome.reason === 'rate-limited') {
      c.header('retry-after', String(outcome.retryAfter));
      return renderEvent(c, loaded, { values, errors: { form: 'rateLimited' } }, 429);
    }
    if (!outcome.ok) return c.redirect(`/${c.var.locale}/events/${event.slug}`, 303);
    const notice = outcome.already ? 'already' : outcome.status;
    return c.redirect(`/${c.var.locale}/events/${event.slug}?notice=${notice}#registration`, 303);
  })
  .post('/events/:slug{[a-z0-9-]+}/cancel', requires('act-as-member'), async (c) => {
    const loaded = await loadedEventOr404(c, c.req.param('slug'));
    const outcome = await cancelRegistration(registrationCtx(c), c.var.user as CurrentUser, loaded.event.id);
    if (!outcome.ok && outcome.reason === 'rate-limited') {
      c.header('retry-after', String(outcome.retryAfter));
      throw new HTTPException(429, { message: 'rate-limited' });
    }
    const notice = outcome.ok ? '?notice=cancelled#registration' : '';
    return c.redirect(`/${c.var.locale}/events/${loaded.event.slug}${notice}`, 303);
  });

/** Every module's outcome sections for a past event, in the registry's order; empty ones left out. */
async function listEventOutcomes(deps: AppDeps, i18n: I18n, eventId: number): Promise<EventOutcomeSection[]> {
  const sections = await Promise.all(deps.modules.extensions.all(eventOutcomes).map((list) => list(deps.db, i18n, eventId)));
  return sections.filter((s): s is EventOutcomeSection => s !== null && s.links.length > 0);
}
