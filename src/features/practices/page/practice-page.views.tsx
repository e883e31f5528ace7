import { PlaceWithCity } from '../../../core/cities/index.ts';
import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { directionOf, isLocale } from '../../../platform/i18n/locales.ts';
import { FallbackNote, periodLabel } from '../../../platform/ui/components/content.tsx';
import { PRACTICE_SECTIONS } from '../practices.table.ts';
import { PracticeMedia } from './practice-media.views.tsx';
import type { PracticeDetail } from './practice-page.service.ts';

/** A section's text: blank lines separate paragraphs; numbered lines ("1. …") become an ordered list. */
export function SectionText({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).filter((b) => b.trim());
  return (
    <>
      {blocks.map((block) => {
        const lines = block.split('\n').filter((l) => l.trim());
        if (lines.length > 1 && lines.every((l) => /^\s*\d+[.)]\s/.test(l))) {
          return (
            <ol>
              {lines.map((l) => (
                <li>{l.replace(/^\s*\d+[.)]\s+/, '')}</li>
              ))}
            </ol>
          );
        }
        return <p>{lines.join(' ')}</p>;
      })}
    </>
  );
}

export function PracticePage({ i18n, detail, themes }: { i18n: I18n; detail: PracticeDetail; themes: ThemeWithTopics[] }) {
  const { t, locale } = i18n;
  const { practice: p, translation: tr } = detail;
  const contentDir = isLocale(tr.locale) ? directionOf(tr.locale) : 'auto';
  const themeLabel = new Map(themes.map((th) => [th.slug, th.label]));
  const topicLabel = new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
  const city = p.city_name ? { slug: p.city_slug, country_code: p.city_country, name: p.city_name, names: p.city_names } : null;
  return (
    <article>
      <p class="kicker">{t('practices.kicker')}</p>
      <div lang={tr.locale} dir={contentDir}>
        <h1>{tr.title}</h1>
        <p class="lead">{tr.summary}</p>
      </div>
      <FallbackNote i18n={i18n} contentLocale={tr.locale} />
      <dl class="facts">
        <dt>{t('practices.place')}</dt>
        <dd>
          <PlaceWithCity i18n={i18n} city={city} countryCode={p.country_code} />
          {p.region_slug ? ` (${t(`common.regions.${p.region_slug}`)})` : ''}
        </dd>
        {p.start_year || p.project_state ? (
          <>
            <dt>{t('practices.period')}</dt>
            <dd>
              {[
                p.start_year ? periodLabel(i18n, p.start_year, p.end_year) : null,
                p.project_state ? t(`practiceEditor.projectStates.${p.project_state}`) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </>
        ) : null}
        {detail.themes.length ? (
          <>
            <dt>{t('practices.facetTheme')}</dt>
            <dd>{detail.themes.map((s) => themeLabel.get(s) ?? s).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {detail.topics.length ? (
          <>
            <dt>{t('practices.facetTopic')}</dt>
            <dd>{detail.topics.map((s) => topicLabel.get(s) ?? s).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {p.sdgs.length ? (
          <>
            <dt>{t('practices.facetSdg')}</dt>
            <dd>{p.sdgs.map((n) => t('practices.sdg', { number: n })).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {p.partners.length ? (
          <>
            <dt>{t('practices.partners')}</dt>
            <dd dir="auto">{p.partners.join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {p.contact_name || p.contact_organisation ? (
          <>
            <dt>{t('practices.contact')}</dt>
            <dd dir="auto">{[p.contact_name, p.contact_organisation].filter(Boolean).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        <dt>{t('practices.languages')}</dt>
        <dd>{detail.locales.map((l) => i18n.languageName(l)).join(t('common.listSeparator'))}</dd>
      </dl>
      <div lang={tr.locale} dir={contentDir} class="sections">
        {PRACTICE_SECTIONS.filter((s) => tr[s].trim()).map((s) => (
          <section aria-labelledby={`section-${s}`}>
            <h2 id={`section-${s}`} lang={locale} dir={i18n.dir}>
              {t(`practices.sections.${s}`)}
            </h2>
            <SectionText text={tr[s]} />
          </section>
        ))}
      </div>
      {p.links.length ? (
        <section aria-labelledby="section-links">
          <h2 id="section-links">{t('practices.links')}</h2>
          <ul>
            {p.links.map((l) => (
              <li>
                <a href={l.url} rel="noopener noreferrer" dir="auto">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <PracticeMedia i18n={i18n} documents={p.documents} images={p.images} />
      <p>
        <a href={`/${locale}/practices`}>{t('practices.backToList')}</a>
      </p>
    </article>
  );
}

export function RelatedPractices({
  i18n,
  related,
}: {
  i18n: I18n;
  related: Array<{ slug: string; title: string; content_locale: string }>;
}) {
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related-title" class="related">
      <h2 id="related-title">{i18n.t('practices.related')}</h2>
      <ul>
        {related.map((r) => (
          <li>
            <a href={`/${i18n.locale}/practices/${r.slug}`} lang={r.content_locale} dir="auto">
              {r.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
