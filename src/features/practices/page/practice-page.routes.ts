import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listThemesWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { sendShareCard } from '../../../platform/http/share-card.ts';
import { isLocale } from '../../../platform/i18n/locales.ts';
import { contactLabel, describeContactRecipient } from '../contact/practice-contact.service.ts';
import { type ContactFormState, PracticeContact } from '../contact/practice-contact.views.tsx';
import { PracticeHead, practiceCardKey, practiceShareImage } from './practice-head.views.tsx';
import { getPublishedPractice, listRelatedPractices, type PracticeDetail } from './practice-page.service.ts';
import { PracticePage, RelatedPractices } from './practice-page.views.tsx';

// A published practice's page. Its contact form posts to contact/practice-contact.routes.ts, which shows
// this page again with the form's state.
export const practicePageRoutes = new Hono<AppEnv>()
  .get('/practices/:slug', async (c) => {
    const detail = await getPublishedPractice(c.var.deps.db, c.req.param('slug'), c.var.i18n.locale);
    if (!detail) return c.notFound();
    return showPractice(c, detail, { sent: c.req.query('sent') === '1' });
  })
  // Its share card: the title in the language the page shows, from the database.
  .get('/practices/:slug/card.png', async (c) => {
    const detail = await getPublishedPractice(c.var.deps.db, c.req.param('slug'), c.var.i18n.locale);
    if (!detail) return c.notFound();
    const { practice: p, translation: tr } = detail;
    return sendShareCard(c, { key: practiceCardKey(p.id, tr.locale, tr.title), title: tr.title });
  });

/** A practice's page, with its contact section in the state the request left it. */
export async function showPractice(
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
  // The content's one URL: the page in the language of the text shown.
  const shown = isLocale(detail.translation.locale) ? detail.translation.locale : i18n.locale;
  const url = `${deps.config.BASE_URL}/${shown}/practices/${slug}`;
  const viewer = !user ? 'anonymous' : can(user, 'act-as-member') ? 'member' : 'unverified';
  return renderPage(
    c,
    {
      title: detail.translation.title,
      description: detail.translation.summary.slice(0, 300),
      section: 'practices',
      // The page's own path, also after a POST to …/contact (which has no GET): the language switcher keeps it.
      path: `/practices/${slug}`,
      // Only the languages it is written in; shown in a fallback language, its canonical is that language's page.
      contentLocales: { available: detail.locales, shown: detail.translation.locale },
      share: { type: 'article', image: practiceShareImage(i18n, detail, deps.config.BASE_URL) },
      head: PracticeHead({ i18n, detail, url }),
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
