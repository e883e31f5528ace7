import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { catalogs } from './catalogs.ts';
import { DEFAULT_LOCALE, directionOf, type Locale } from './locales.ts';

export type MessageValues = Record<string, PrimitiveType>;

/** Everything a view needs to speak the reader's language: messages, numbers, dates, names. */
export type I18n = {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: (key: string, values?: MessageValues) => string;
  formatNumber: (value: number) => string;
  formatDate: (isoDay: string, style?: 'long' | 'medium') => string;
  formatDateRange: (startIsoDay: string, endIsoDay: string) => string;
  formatMonthRange: (startIsoDay: string, endIsoDay: string) => string;
  formatMonth: (isoDay: string) => string;
  /** A moment (review history, mail log) as date and time in UTC, labelled so nobody misreads it as local. */
  formatDateTime: (moment: Date) => string;
  /** An event's period in a time zone, with the zone's offset ("Tue, 24 Nov 2026, 10:00 – 12:00 GMT+3"). */
  formatPeriodInZone: (start: Date, end: Date, zone: string) => string;
  /** A wait as people say it: "15 minutes", or whole hours from 90 minutes on ("24 hours", not "1,440 minutes"). */
  formatWait: (seconds: number) => string;
  countryName: (code: string) => string;
  languageName: (code: string) => string;
  /** A localized label ({ en, de, ... }) in this locale, falling back to English. */
  label: (label: Record<string, string> | null | undefined) => string;
};

const cache = new Map<Locale, I18n>();

/** Shared per locale: formatters and compiled messages are expensive to build and safe to reuse. */
export function getI18n(locale: Locale): I18n {
  let i18n = cache.get(locale);
  if (!i18n) {
    i18n = createI18n(locale);
    cache.set(locale, i18n);
  }
  return i18n;
}

// Calendar days are 'YYYY-MM-DD'; formatting them at noon UTC in UTC keeps the day the same everywhere.
const dayToDate = (isoDay: string) => new Date(`${isoDay.slice(0, 10)}T12:00:00Z`);

function createI18n(locale: Locale): I18n {
  const compiled = new Map<string, IntlMessageFormat>();
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormats = {
    long: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    medium: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  };
  const rangeFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const minuteFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  const hourFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' });
  const momentFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const periodFormats = new Map<string, Intl.DateTimeFormat>();
  const periodFormat = (zone: string) => {
    let format = periodFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
        timeZoneName: 'short',
      });
      periodFormats.set(zone, format);
    }
    return format;
  };
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });

  // A message without values reads the same every time, and a page asks for dozens of them (labels, the
  // names of 250 countries in a filter list): each is formatted once per process and language.
  const plain = new Map<string, string>();
  const t = (key: string, values?: MessageValues): string => {
    if (values === undefined) {
      const known = plain.get(key);
      if (known !== undefined) return known;
    }
    let format = compiled.get(key);
    if (!format) {
      const message = catalogs[locale][key] ?? catalogs[DEFAULT_LOCALE][key];
      // A missing key is a bug the catalog test catches; in production show the key, never crash a page.
      if (message === undefined) return key;
      format = new IntlMessageFormat(message, locale);
      compiled.set(key, format);
    }
    const text = String(format.format(values));
    if (values === undefined) plain.set(key, text);
    return text;
  };
  const named = (names: Intl.DisplayNames, kept: Map<string, string>, code: string): string => {
    let name = kept.get(code);
    if (name === undefined) {
      try {
        name = names.of(code) ?? code;
      } catch {
        name = code;
      }
      // Codes come from our data, but a bound keeps a stream of unknown ones from growing the map.
      if (kept.size < 1000) kept.set(code, name);
    }
    return name;
  };
  const countryNames = new Map<string, string>();
  const languageNames = new Map<string, string>();

  return {
    locale,
    dir: directionOf(locale),
    t,
    formatNumber: (value) => numberFormat.format(value),
    formatDate: (isoDay, style = 'long') => dateFormats[style].format(dayToDate(isoDay)),
    formatDateRange: (start, end) =>
      start === end ? rangeFormat.format(dayToDate(start)) : rangeFormat.formatRange(dayToDate(start), dayToDate(end)),
    formatMonthRange: (start, end) => monthFormat.formatRange(dayToDate(start), dayToDate(end)),
    formatMonth: (isoDay) => monthFormat.format(dayToDate(isoDay)),
    formatDateTime: (moment) => `${momentFormat.format(moment)} UTC`,
    formatPeriodInZone: (start, end, zone) => periodFormat(zone).formatRange(start, end),
    formatWait: (seconds) => {
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      return minutes < 90 ? minuteFormat.format(minutes) : hourFormat.format(Math.ceil(minutes / 60));
    },
    countryName: (code) => named(regions, countryNames, code.toUpperCase()),
    languageName: (code) => named(languages, languageNames, code),
    label: (label) => (label ? (label[locale] ?? label[DEFAULT_LOCALE] ?? Object.values(label)[0] ?? '') : ''),
  };
}
