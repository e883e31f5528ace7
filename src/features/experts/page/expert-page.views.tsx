import type { Child } from 'hono/jsx';
import { cityName } from '../../../core/cities/cities.service.ts';
import { PlaceWithCity } from '../../../core/cities/index.ts';
import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import { imageSrcset, uploadUrl } from '../../../core/uploads/uploads.service.ts';
import { type ShareImage, shareCardImage } from '../../../platform/http/share-card.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { directionOf, isLocale } from '../../../platform/i18n/locales.ts';
import { FallbackNote, placeLabel } from '../../../platform/ui/components/content.tsx';
import { JsonLd } from '../../../platform/ui/json-ld.tsx';
import { type ExpertProfile, type ExpertText, pickExpertText } from '../profile/expert-profile.model.ts';

// An expert's page: the profile in the reader's language (texts with the usual fallback), facts as a
// definition list, the photo with its text alternative. Components are exported for the directory.

/** "Arabic (native), French (fluent)": each language named in the reader's language, with its level. */
export function languagesLabel(i18n: I18n, languages: ExpertProfile['languages']): string {
  return languages
    .map((l) =>
      i18n.t('expertProfile.languageWithLevel', { language: i18n.languageName(l.code), level: i18n.t(`expertProfile.levels.${l.level}`) }),
    )
    .join(i18n.t('common.listSeparator'));
}

/** The place an expert works: "City, Country (Region)". */
export function expertPlace(i18n: I18n, profile: Pick<ExpertProfile, 'city' | 'countryCode' | 'regionSlug'>): string {
  const place = placeLabel(i18n, profile.city ? cityName(profile.city, i18n.locale) : null, profile.countryCode);
  return profile.regionSlug && place ? `${place} (${i18n.t(`common.regions.${profile.regionSlug}`)})` : place;
}

/** The place as on the page: the city linking to its page. */
function ExpertPlace({ i18n, profile }: { i18n: I18n; profile: Pick<ExpertProfile, 'city' | 'countryCode' | 'regionSlug'> }) {
  return (
    <>
      <PlaceWithCity i18n={i18n} city={profile.city} countryCode={profile.countryCode} />
      {profile.regionSlug ? ` (${i18n.t(`common.regions.${profile.regionSlug}`)})` : null}
    </>
  );
}

/** "Position, Organisation", whichever is known. */
export function expertRole(i18n: I18n, profile: Pick<ExpertProfile, 'position' | 'organisation'>): string {
  return [profile.position, profile.organisation].filter(Boolean).join(i18n.t('common.listSeparator'));
}

/** Blank lines separate paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((b) => b.trim())
        .map((block) => (
          <p>{block.split('\n').join(' ')}</p>
        ))}
    </>
  );
}

/** The facts of a profile as a definition list: place, languages, experience, themes, what they offer. */
export function ExpertFacts({ i18n, profile, themes }: { i18n: I18n; profile: ExpertProfile; themes: ThemeWithTopics[] }) {
  const { t } = i18n;
  const sep = t('common.listSeparator');
  const themeLabel = new Map(themes.map((th) => [th.slug, th.label]));
  const topicLabel = new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
  const place = expertPlace(i18n, profile);
  const rows: Array<[string, Child]> = [];
  if (place) rows.push([t('expertProfile.page.place'), <ExpertPlace i18n={i18n} profile={profile} />]);
  if (profile.languages.length) rows.push([t('expertProfile.page.languages'), languagesLabel(i18n, profile.languages)]);
  if (profile.yearsExperience !== null) {
    rows.push([t('expertProfile.page.experience'), t('expertProfile.page.years', { count: profile.yearsExperience })]);
  }
  if (profile.themes.length) rows.push([t('expertProfile.page.themes'), profile.themes.map((s) => themeLabel.get(s) ?? s).join(sep)]);
  if (profile.topics.length) rows.push([t('expertProfile.page.topics'), profile.topics.map((s) => topicLabel.get(s) ?? s).join(sep)]);
  if (profile.experienceRegions.length) {
    rows.push([t('expertProfile.page.regions'), profile.experienceRegions.map((s) => t(`common.regions.${s}`)).join(sep)]);
  }
  if (profile.experienceCountries.length) {
    rows.push([t('expertProfile.page.countries'), profile.experienceCountries.map((c) => i18n.countryName(c)).join(sep)]);
  }
  if (profile.availability.length) {
    rows.push([t('expertProfile.page.availability'), profile.availability.map((a) => t(`expertProfile.availability.${a}`)).join(sep)]);
  }
  if (rows.length === 0) return null;
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

export type ExpertPageProps = {
  i18n: I18n;
  profile: ExpertProfile;
  themes: ThemeWithTopics[];
  /** The owner sees a link to edit; owner and editors see who can see the profile. */
  viewer: 'owner' | 'editor' | 'other';
};

export function ExpertPage({ i18n, profile, themes, viewer }: ExpertPageProps) {
  const { t, locale } = i18n;
  const text = pickExpertText(profile.translations, locale);
  const contentDir = text && isLocale(text.locale) ? directionOf(text.locale) : 'auto';
  const role = expertRole(i18n, profile);
  return (
    <article class="expert-page">
      <p class="kicker">{t('expertProfile.page.kicker')}</p>
      <div class="expert-header">
        {profile.photo ? (
          <img
            class="expert-photo"
            src={uploadUrl(profile.photo.sha256, 'image', 'small')}
            srcset={imageSrcset(profile.photo.sha256, profile.photo.width)}
            sizes="10rem"
            alt={profile.photo.alt}
            width={profile.photo.width || undefined}
            height={profile.photo.height || undefined}
          />
        ) : null}
        <div>
          <h1 dir="auto">{profile.displayName}</h1>
          {role ? (
            <p class="expert-role" dir="auto">
              {role}
            </p>
          ) : null}
        </div>
      </div>
      {viewer !== 'other' ? (
        <p class="notice">
          {t('expertProfile.page.visibleTo', { visibility: t(`expertProfile.visibility.${profile.visibility}`) })}
          {viewer === 'owner' ? (
            <>
              {' '}
              <a href={`/${locale}/my/expert-profile`}>{t('expertProfile.page.edit')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {text ? (
        <>
          <div lang={text.locale} dir={contentDir}>
            <p class="lead">{text.headline}</p>
          </div>
          <FallbackNote i18n={i18n} contentLocale={text.locale} />
        </>
      ) : null}
      <ExpertFacts i18n={i18n} profile={profile} themes={themes} />
      {text?.bio.trim() ? (
        <section aria-labelledby="expert-bio">
          <h2 id="expert-bio">{t('expertProfile.page.about')}</h2>
          <div lang={text.locale} dir={contentDir}>
            <Paragraphs text={text.bio} />
          </div>
        </section>
      ) : null}
      {profile.links.length ? (
        <section aria-labelledby="expert-links">
          <h2 id="expert-links">{t('expertProfile.page.links')}</h2>
          <ul>
            {profile.links.map((l) => (
              <li>
                <a href={l.url} rel="noopener noreferrer nofollow" dir="auto">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** The address of an expert's share card (public profiles without a photo). */
export const expertCardPath = (locale: string, slug: string) => `/${locale}/experts/${slug}/card.png`;

/** What the card of an expert is drawn from: the name (the same in every language). */
export const expertCardKey = (profile: ExpertProfile) => `expert:${profile.id}:${profile.displayName}`;

/** The picture shared with a public profile's link: the expert's photo, else a card with the name. */
export function expertShareImage(i18n: I18n, profile: ExpertProfile, baseUrl: string): ShareImage {
  const photo = profile.photo;
  if (photo) {
    return {
      url: `${baseUrl}${uploadUrl(photo.sha256, 'image')}`,
      width: photo.width,
      height: photo.height,
      type: 'image/jpeg',
      alt: photo.alt || profile.displayName,
    };
  }
  return shareCardImage(baseUrl, expertCardPath(i18n.locale, profile.slug), expertCardKey(profile), profile.displayName);
}

/**
 * schema.org Person for a public profile only (members-only and hidden ones are not for crawlers);
 * never an e-mail address. Canonical, hreflang and OpenGraph come from the layout.
 */
export function ExpertHead({ i18n, profile, url, baseUrl }: { i18n: I18n; profile: ExpertProfile; url: string; baseUrl: string }) {
  if (profile.visibility !== 'public') return null;
  const text: ExpertText | undefined = pickExpertText(profile.translations, i18n.locale);
  return (
    <JsonLd
      data={{
        '@context': 'https://schema.org',
        '@type': 'Person',
        name: profile.displayName,
        url,
        jobTitle: profile.position || undefined,
        worksFor: profile.organisation ? { '@type': 'Organization', name: profile.organisation } : undefined,
        description: text?.headline || undefined,
        image: profile.photo ? `${baseUrl}${uploadUrl(profile.photo.sha256, 'image')}` : undefined,
        knowsLanguage: profile.languages.length ? profile.languages.map((l) => l.code) : undefined,
        workLocation:
          profile.city || profile.countryCode
            ? {
                '@type': 'Place',
                address: {
                  '@type': 'PostalAddress',
                  addressLocality: profile.city?.name,
                  addressCountry: profile.countryCode ?? undefined,
                },
              }
            : undefined,
        sameAs: profile.links.length ? profile.links.map((l) => l.url) : undefined,
      }}
    />
  );
}
