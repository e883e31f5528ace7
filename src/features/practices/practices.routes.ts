import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { can } from '../../platform/http/policy.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { keepTyped, parseForm } from '../../platform/ui/forms.tsx';
import { practiceContactForm } from './practice-contact.forms.ts';
import { contactLabel, describeContactRecipient, sendPracticeMessage } from './practice-contact.service.ts';
import { type ContactFormState, PracticeContact } from './practice-contact.views.tsx';
import { renderPracticeMap } from './practice-map.ts';
import { PracticeHead, PracticePage, RelatedPractices } from './practice-page.views.tsx';
import { countPracticesByCountry, readSearchParams, searchPractices } from './practice-search.service.ts';
import { PracticeSearchPage } from './practice-search.views.tsx';
import { getPublishedPractice, listRelatedPractices, type PracticeDetail } from './practices.service.ts';

export const practicesRoutes = new Hono<AppEnv>()
  .get('/practices', async (c) => {
    const { i18n, deps } = c.var;
    const params = readSearchParams(new URL(c.req.url));
    const [result, themes] = await Promise.all([searchPractices(deps.db, params, i18n.locale), listThemesWithTopics(deps.db, i18n.locale)]);
    const title = params.q ? i18n.t('practices.searchTitle', { q: params.q }) : i18n.t('practices.title');
    return renderPage(c, { title, section: 'practices', children: PracticeSearchPage({ i18n, params, result, themes }) });
  })
  .get('/practices/map.svg', async (c) => {
    const { i18n, deps } = c.var;
    const counts = await countPracticesByCountry(deps.db, readSearchParams(new URL(c.req.url)), i18n.locale);
    const label = (code: string, count: number) => `${i18n.countryName(code)}: ${i18n.t('practices.resultCount', { count })}`;
    const svg = renderPracticeMap(counts, label, i18n.t('practices.mapAlt'));
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
  })
  .get('/practices/:slug', async (c) => {
    const detail = await getPublishedPractice(c.var.deps.db, c.req.param('slug'), c.var.i18n.locale);
    if (!detail) return c.notFound();
    return showPractice(c, detail, { sent: c.req.query('sent') === '1' });
  })
  .post('/practices/:slug/contact', requires('act-as-member'), async (c) => {
    const { deps, locale } = c.var;
    const user = c.var.user as CurrentUser;
    const detail = await getPublishedPractice(deps.db, c.req.param('slug'), locale);
    if (!detail) return c.notFound();
    const submitted = (await c.req.parseBody()) as Record<string, unknown>;
    const parsed = parseForm(practiceContactForm, submitted);
    if (!parsed.ok) return showPractice(c, detail, { state: { errors: parsed.errors, values: parsed.values } }, 422);
    const result = await sendPracticeMessage({ db: deps.db, baseUrl: deps.config.BASE_URL }, detail.practice, user, parsed.data);
    if (result.ok) return c.redirect(`/${locale}/practices/${detail.practice.slug}?sent=1#contact`, 303);
    if (result.reason === 'rate-limited') {
      // The form again, with what was typed: nothing is lost while waiting.
      c.header('retry-after', String(result.retryAfter));
      const state = {
        errors: { form: result.limit === 'sender' ? 'rateLimited' : 'recipientBusy' },
        values: keepTyped(submitted),
        retryAfterSeconds: result.retryAfter,
      };
      return showPractice(c, detail, { state }, 429);
    }
    // Nobody to write to (or the sender is the recipient): the page says so instead of the form.
    return showPractice(c, detail, {}, 409);
  });

/** A practice's page, with its contact section in the state the request left it. */
async function showPractice(
  c: Context<AppEnv>,
  detail: PracticeDetail,
  contact: { sent?: boolean; state?: ContactFormState },
  status: ContentfulStatusCode = 200,
) {
  const { i18n, deps, user, csrfToken } = c.var;
  const [themes, related, recipient] = await Promise.all([
    listThemesWithTopics(deps.db, i18n.locale),
    listRelatedPractices(deps.db, detail.practice.id, i18n.locale),
    describeContactRecipient(deps.db, detail.practice.id, user?.id ?? null),
  ]);
  const { slug } = detail.practice;
  const url = `${deps.config.BASE_URL}/${i18n.locale}/practices/${slug}`;
  const viewer = !user ? 'anonymous' : can(user, 'act-as-member') ? 'member' : 'unverified';
  return renderPage(
    c,
    {
      title: detail.translation.title,
      description: detail.translation.summary.slice(0, 300),
      section: 'practices',
      // The page's own path, also after a POST to …/contact (which has no GET): the language switcher keeps it.
      path: `/practices/${slug}`,
      alternates: false,
      head: PracticeHead({ i18n, detail, url, baseUrl: deps.config.BASE_URL }),
      children: [
        PracticePage({ i18n, detail, themes }),
        PracticeContact({
          i18n,
          csrfToken,
          slug,
          viewer,
          recipient,
          offlineContact: contactLabel(detail.practice, i18n.t('common.listSeparator')),
          ...contact,
        }),
        RelatedPractices({ i18n, related }),
      ],
    },
    status,
  );
}
