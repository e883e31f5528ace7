import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCatalogProblems } from '../../check-catalogs.ts';
import { catalogs } from './catalogs.ts';
import { getI18n } from './i18n.ts';
import { directionOf, LOCALES } from './locales.ts';
import { matchAcceptLanguage, negotiateLocale } from './negotiate.ts';

describe('locale negotiation', () => {
  it('takes the best supported language by quality and order', () => {
    assert.equal(matchAcceptLanguage('de-DE,de;q=0.9,en;q=0.5'), 'de');
    assert.equal(matchAcceptLanguage('pt-BR,es;q=0.8,en;q=0.7'), 'es');
    assert.equal(matchAcceptLanguage('en;q=0.2, ar-MA;q=0.9'), 'ar');
    assert.equal(matchAcceptLanguage('fr-CH, fr;q=0.9'), 'fr');
  });

  it('ignores garbage and q=0 without throwing', () => {
    assert.equal(matchAcceptLanguage('de;q=0, it'), null);
    assert.equal(matchAcceptLanguage(';;;,,,=q'), null);
    assert.equal(matchAcceptLanguage('<script>'), null);
    assert.equal(matchAcceptLanguage('x'.repeat(5000)), null);
    assert.equal(matchAcceptLanguage(undefined), null);
  });

  it('falls back to the cookie, then English', () => {
    assert.equal(negotiateLocale('it-IT', 'fr'), 'fr');
    assert.equal(negotiateLocale('de', 'fr'), 'de');
    assert.equal(negotiateLocale(undefined, 'xx'), 'en');
  });
});

describe('catalogs', () => {
  it('are complete in every locale: no missing or empty key, every message parses, every plural form present', () => {
    assert.deepEqual(findCatalogProblems(), []);
  });

  it('report a missing key, an empty message and a plural without Arabic forms', () => {
    const broken = structuredClone(catalogs);
    delete broken.de['home.title'];
    broken.fr['home.intro'] = ' ';
    broken.ar['themes.topicCount'] = '{count, plural, one {# موضوع} other {# مواضيع}}';
    const problems = findCatalogProblems(broken);
    assert.ok(problems.includes('de: missing home.title'));
    assert.ok(problems.includes('fr: home.intro is empty'));
    const arabic = problems.find((p) => p.startsWith('ar: themes.topicCount: plural {count} lacks'));
    assert.ok(arabic, problems.join('\n'));
    for (const category of ['zero', 'two', 'few', 'many']) assert.ok(arabic.includes(category), arabic);
  });

  it('uses the six Arabic plural forms', async () => {
    // Each count must land in its own grammatical branch: dual for 2, plural for 3–10, accusative singular for 11–99.
    const message = '{count, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}';
    const { IntlMessageFormat } = await import('intl-messageformat');
    const pick = (count: number) => new IntlMessageFormat(message, 'ar').format({ count });
    assert.deepEqual([0, 1, 2, 3, 11, 100].map(pick), ['z', 'o', 't', 'f', 'm', 'x']);
    const { t } = getI18n('ar');
    assert.match(t('themes.topicCount', { count: 2 }), /موضوعان/);
    assert.match(t('themes.topicCount', { count: 3 }), /مواضيع/);
    assert.match(t('themes.topicCount', { count: 11 }), /موضوعًا/);
  });

  it('uses English and German plurals', () => {
    assert.equal(getI18n('en').t('themes.topicCount', { count: 1 }), '1 topic');
    assert.equal(getI18n('en').t('themes.topicCount', { count: 7 }), '7 topics');
    assert.notEqual(getI18n('de').t('themes.topicCount', { count: 1 }), getI18n('de').t('themes.topicCount', { count: 7 }));
  });
});

describe('formatting per locale', () => {
  it('formats dates, ranges and numbers in the reader’s conventions', () => {
    assert.equal(getI18n('de').formatDate('2020-11-18'), '18. November 2020');
    assert.equal(getI18n('en').formatDate('2020-11-18'), 'November 18, 2020');
    assert.equal(getI18n('fr').formatDate('2020-11-18'), '18 novembre 2020');
    assert.match(getI18n('de').formatDateRange('2020-10-26', '2020-11-06'), /^26\. Oktober\s*–\s*6\. November 2020$/);
    assert.equal(getI18n('de').formatNumber(1234567), '1.234.567');
    assert.equal(getI18n('en').formatNumber(1234567), '1,234,567');
  });

  it('keeps a calendar day the same day whatever the server time zone', () => {
    assert.match(getI18n('es').formatDate('2021-01-19'), /^19 de enero de 2021$/);
  });

  it('names countries and languages through Intl.DisplayNames', () => {
    assert.equal(getI18n('de').countryName('MA'), 'Marokko');
    assert.equal(getI18n('fr').countryName('de'), 'Allemagne');
    assert.equal(getI18n('en').countryName('XK'), 'Kosovo');
    assert.equal(getI18n('de').languageName('ar'), 'Arabisch');
    assert.equal(getI18n('ar').languageName('en'), 'الإنجليزية');
  });

  it('keeps plain messages and names once formatted, and still formats messages with values every time', () => {
    const { t, countryName } = getI18n('de');
    assert.equal(t('practices.title'), t('practices.title'));
    assert.notEqual(t('themes.topicCount', { count: 1 }), t('themes.topicCount', { count: 5 }));
    assert.equal(countryName('ma'), 'Marokko', 'a code in lower case, then');
    assert.equal(countryName('MA'), 'Marokko', 'the same code in upper case');
    assert.equal(countryName('x9'), 'X9', 'a code that is no region is shown as it is, also the second time');
    assert.equal(countryName('x9'), 'X9');
  });

  it('writes Arabic right to left and every other locale left to right', () => {
    assert.deepEqual(
      LOCALES.map((l) => directionOf(l)),
      ['ltr', 'ltr', 'ltr', 'ltr', 'rtl'],
    );
  });
});

describe('formatWait', () => {
  it('says minutes for short waits and whole hours for long ones, in each language', () => {
    assert.equal(getI18n('en').formatWait(14 * 60 + 5), '15 minutes');
    assert.equal(getI18n('en').formatWait(30), '1 minute');
    assert.equal(getI18n('en').formatWait(24 * 3600 - 10), '24 hours');
    assert.equal(getI18n('de').formatWait(3 * 3600), '3 Stunden');
    assert.match(getI18n('ar').formatWait(2 * 3600), /ساع/);
  });
});
