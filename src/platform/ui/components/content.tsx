import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/i18n.ts';
import { directionOf, isLocale } from '../../i18n/locales.ts';

/**
 * Wraps user content written in `contentLocale`: marks its language and direction (so an Arabic summary
 * on an English page reads right-to-left and screen readers switch voice), and says so when it is a
 * fallback for a missing translation.
 */
export function InLanguage(props: { i18n: I18n; contentLocale: string; children: Child; as?: 'div' | 'span' }) {
  const { i18n, contentLocale } = props;
  if (contentLocale === i18n.locale) return <>{props.children}</>;
  const dir = isLocale(contentLocale) ? directionOf(contentLocale) : 'auto';
  return (
    <div lang={contentLocale} dir={dir} class="other-language">
      {props.children}
    </div>
  );
}

export function FallbackNote({ i18n, contentLocale }: { i18n: I18n; contentLocale: string }) {
  if (contentLocale === i18n.locale) return null;
  return (
    <p class="fallback-note">
      {i18n.t('common.fallbackNotice', { language: i18n.languageName(i18n.locale), original: i18n.languageName(contentLocale) })}
    </p>
  );
}

/** "Agadir, Morocco" in the reader's language; whichever part is known. */
export function placeLabel(i18n: I18n, city: string | null, countryCode: string | null): string {
  return [city, countryCode ? i18n.countryName(countryCode) : null].filter(Boolean).join(i18n.t('common.listSeparator'));
}

export function periodLabel(i18n: I18n, startYear: number | null, endYear: number | null): string {
  if (!startYear) return '';
  if (!endYear) return i18n.t('common.periodSince', { start: String(startYear) });
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}
