import { DocumentList } from '../../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { InLanguage } from '../../../platform/ui/components/content.tsx';
import type { EventTextRow } from '../events.table.ts';
import type { EventRecord, ParticipantFigures } from './event-page.queries.ts';
import type { EventOutcomeSection } from './event-page.service.ts';

// What happened at an event, on its page once it is over: who took part, the documentation, recordings,
// documents, the good practices presented and the project ideas it worked on.

export type DocumentationProps = {
  i18n: I18n;
  event: EventRecord;
  text: EventTextRow;
  figures: ParticipantFigures | null;
  outcomes: EventOutcomeSection[];
};

export function Documentation({ i18n, event, text, figures, outcomes }: DocumentationProps) {
  const { t } = i18n;
  const hasFigures = figures && figures.participants > 0;
  const reported = event.reported_figures;
  const shown = hasFigures
    ? figures
    : reported.participants
      ? { participants: reported.participants, municipalities: reported.municipalities ?? 0, countries: reported.countries ?? 0 }
      : null;
  return (
    <section aria-labelledby="documentation">
      <h2 id="documentation">{t('events.documentation')}</h2>
      {shown ? (
        <p>
          {t('events.figures', {
            participants: shown.participants,
            municipalities: shown.municipalities,
            countries: shown.countries,
          })}
        </p>
      ) : null}
      {text.documentation ? <EventProse i18n={i18n} contentLocale={text.locale} text={text.documentation} /> : null}
      <LinkList
        heading={t('events.recordings')}
        links={event.recordings.map((r) => ({ href: r.url, rel: 'noopener noreferrer', title: r.label || r.url }))}
      />
      <LinkList
        heading={t('events.practicesPresented')}
        links={event.practices.map((p) => ({ href: `/${i18n.locale}/practices/${p.slug}`, title: i18n.label(p.titles) }))}
      />
      <DocumentList i18n={i18n} heading={t('eventEditor.documents')} documents={event.documents} level={3} />
      {outcomes.map((section) => (
        <LinkList heading={section.heading} links={section.links} />
      ))}
      {!shown &&
      !text.documentation &&
      !event.recordings.length &&
      !event.practices.length &&
      !event.documents.length &&
      !outcomes.length ? (
        <p>{t('events.noDocumentation')}</p>
      ) : null}
    </section>
  );
}

/** A text of the event in its language, a paragraph per blank line. */
export function EventProse({ i18n, contentLocale, text }: { i18n: I18n; contentLocale: string; text: string }) {
  return (
    <InLanguage i18n={i18n} contentLocale={contentLocale}>
      <div class="prose">
        {text.split(/\n{2,}/).map((p) => (
          <p>{p}</p>
        ))}
      </div>
    </InLanguage>
  );
}

type ListedLink = { href: string; title: string; rel?: string; lang?: string; detail?: string };

/** A heading and its list of links (nothing when there are none); a detail follows its link in brackets. */
function LinkList({ heading, links }: { heading: string; links: ListedLink[] }) {
  if (!links.length) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul>
        {links.map((link) => (
          <li>
            <a href={link.href} rel={link.rel} lang={link.lang} dir="auto">
              {link.title}
            </a>
            {link.detail === undefined ? null : (
              <>
                {' '}
                <span class="meta">({link.detail})</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
