import { DocumentList } from '../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { InLanguage } from '../../platform/ui/components/content.tsx';
import type { EventRecord, EventTextRow, ParticipantFigures } from './event-page.queries.ts';
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
      {text.documentation ? (
        <InLanguage i18n={i18n} contentLocale={text.locale}>
          <div class="prose">
            {text.documentation.split(/\n{2,}/).map((p) => (
              <p>{p}</p>
            ))}
          </div>
        </InLanguage>
      ) : null}
      {event.recordings.length ? (
        <>
          <h3>{t('events.recordings')}</h3>
          <ul>
            {event.recordings.map((r) => (
              <li>
                <a href={r.url} rel="noopener noreferrer" dir="auto">
                  {r.label || r.url}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {event.practices.length ? (
        <>
          <h3>{t('events.practicesPresented')}</h3>
          <ul>
            {event.practices.map((p) => (
              <li>
                <a href={`/${i18n.locale}/practices/${p.slug}`} dir="auto">
                  {i18n.label(p.titles)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <DocumentList i18n={i18n} heading={t('eventEditor.documents')} documents={event.documents} level={3} />
      {outcomes.map((section) => (
        <>
          <h3>{section.heading}</h3>
          <ul>
            {section.links.map((link) => (
              <li>
                <a href={link.href} lang={link.lang} dir="auto">
                  {link.title}
                </a>{' '}
                <span class="meta">({link.detail})</span>
              </li>
            ))}
          </ul>
        </>
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
