// The full catalogs: the registry registers every module's folder when imported.

import './modules.ts';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { type Catalog, catalogs } from './platform/i18n/catalogs.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './platform/i18n/locales.ts';

// The catalogs are complete when every locale has every English key, no message is empty, every message
// parses, and every plural offers each category the locale's grammar uses (Arabic: six).

function pluralProblems(elements: MessageFormatElement[], categories: string[], where: string): string[] {
  const problems: string[] = [];
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      const offered = Object.keys(el.options);
      const missing = categories.filter((c) => !offered.includes(c));
      if (missing.length) problems.push(`${where}: plural {${el.value}} lacks ${missing.join(', ')}`);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) problems.push(...pluralProblems(option.value, categories, where));
    }
    if (el.type === TYPE.tag) problems.push(...pluralProblems(el.children, categories, where));
  }
  return problems;
}

/** Every problem in the catalogs, one line each; empty when they are complete. */
export function findCatalogProblems(all: Record<Locale, Catalog> = catalogs): string[] {
  const problems: string[] = [];
  const reference = Object.keys(all[DEFAULT_LOCALE]);
  for (const locale of LOCALES) {
    const catalog = all[locale];
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const key of reference) {
      if (!(key in catalog)) problems.push(`${locale}: missing ${key}`);
    }
    for (const [key, message] of Object.entries(catalog)) {
      const where = `${locale}: ${key}`;
      if (!reference.includes(key)) problems.push(`${where} is not in the English catalog`);
      if (message.trim() === '') {
        problems.push(`${where} is empty`);
        continue;
      }
      try {
        problems.push(...pluralProblems(parse(message), categories, where));
      } catch (error) {
        problems.push(`${where} does not parse: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = findCatalogProblems();
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`${problems.length} catalog problems`);
    process.exit(1);
  }
  const keys = Object.keys(catalogs[DEFAULT_LOCALE]).length;
  console.log(`catalogs complete: ${LOCALES.length} locales × ${keys} keys`);
}
