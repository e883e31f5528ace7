import type { I18n } from '../../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage } from '../../../platform/ui/components/content.tsx';
import type { RenderedItem } from '../newsletter.model.ts';
import type { RenderedEdition } from './edition-render.service.ts';

// An edition's web version: the public page and the editors' preview show the same. Texts are the
// editors' and the content's own, in their own language (lang and dir set where it is not the
// reader's), with the fallback note wherever a translation is missing.

/** "(in English)" after an item or a text shown in another language than the reader's; '' otherwise. */
export function languageMarker(i18n: I18n, locale: string): string {
  return locale === i18n.locale ? '' : i18n.t('newsletter.inLanguage', { language: i18n.languageName(locale) });
}

/** Paragraphs of a plain text: blank lines separate them, single line breaks stay. */
export function paragraphsOf(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()))
    .filter((lines) => lines.some((line) => line !== ''));
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {paragraphsOf(text).map((lines) => (
        <p>{lines.flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>
      ))}
    </>
  );
}

function Item({ i18n, item, heading }: { i18n: I18n; item: RenderedItem; heading: 'h3' | 'h4' }) {
  const Heading = heading;
  return (
    <li class="card">
      <InLanguage i18n={i18n} contentLocale={item.locale}>
        <Heading>{item.url ? <a href={item.url}>{item.title}</a> : item.title}</Heading>
        {item.meta ? <p class="meta">{item.meta}</p> : null}
        {item.text ? <p>{item.text}</p> : null}
      </InLanguage>
      <FallbackNote i18n={i18n} contentLocale={item.locale} />
    </li>
  );
}

/** `headingLevel` 2 when the page around it has its own h1 (the editors' preview). */
export function EditionView(props: { i18n: I18n; edition: RenderedEdition; headingLevel?: 1 | 2 }) {
  const { i18n, edition } = props;
  const { t } = i18n;
  const level = props.headingLevel ?? 1;
  const Title = level === 1 ? 'h1' : 'h2';
  const SectionTitle = level === 1 ? 'h2' : 'h3';
  return (
    <article class="edition" aria-labelledby="edition-subject">
      <p class="kicker">
        {t('newsletter.edition.number', { number: edition.number })} · <time datetime={edition.date}>{i18n.formatDate(edition.date)}</time>
      </p>
      <InLanguage i18n={i18n} contentLocale={edition.locale}>
        <Title id="edition-subject">{edition.subject || t('newsletter.edition.untitled', { number: edition.number })}</Title>
        {edition.preheader ? <p class="lead">{edition.preheader}</p> : null}
        <Paragraphs text={edition.editorial} />
      </InLanguage>
      <FallbackNote i18n={i18n} contentLocale={edition.locale} />
      {edition.sections.map((section) => (
        <section aria-labelledby={`edition-${section.kind}`}>
          <SectionTitle id={`edition-${section.kind}`}>{t(`newsletter.sections.${section.kind}`)}</SectionTitle>
          <ul class="result-list">
            {section.items.map((item) => (
              <Item i18n={i18n} item={item} heading={level === 1 ? 'h3' : 'h4'} />
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
