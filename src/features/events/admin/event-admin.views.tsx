import type { I18n } from '../../../platform/i18n/i18n.ts';
import { Checkbox } from '../../../platform/ui/choice-fields.tsx';
import { DataTable, EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { CsrfField, ErrorSummary, type FormErrors, TextArea, TextField } from '../../../platform/ui/forms.tsx';
import type { EditorEventRow, RegistrationListRow } from './event-admin.queries.ts';

// Editors' pages for registrations: the list of events with their counts, and one event's participants
// (attendance, the export, a message to everyone).

export function EditorEventsPage({ i18n, rows }: { i18n: I18n; rows: EditorEventRow[] }) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader
        title={t('events.admin.title')}
        lead={t('events.admin.intro')}
        action={{ href: `/${locale}/editor/events/new`, label: t('eventEditor.new') }}
      />
      <p>
        <a href={`/${locale}/editor/series`}>{t('eventSeries.editor.manage')}</a>
      </p>
      <DataTable
        caption={t('events.admin.title')}
        columns={[
          t('events.admin.columns.event'),
          t('events.when'),
          t('events.admin.columns.status'),
          t('events.admin.columns.registered'),
          t('events.admin.columns.waitlisted'),
          t('events.admin.columns.attended'),
        ]}
      >
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`/${locale}/editor/events/${r.slug}/registrations`} dir="auto">
                {r.title}
              </a>{' '}
              (<a href={`/${locale}/editor/events/${r.slug}/edit`}>{t('eventEditor.change')}</a>)
            </td>
            <td>{i18n.formatPeriodInZone(r.starts_at, r.starts_at, r.time_zone)}</td>
            <td>{t(`events.status.${r.status}`)}</td>
            <td>
              {r.capacity ? `${i18n.formatNumber(r.registered)} / ${i18n.formatNumber(r.capacity)}` : i18n.formatNumber(r.registered)}
            </td>
            <td>{i18n.formatNumber(r.waitlisted)}</td>
            <td>{i18n.formatNumber(r.attended)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

export type MessageForm = { subject: string; message: string; includeWaitlist: boolean };

export type RegistrationsPageProps = {
  i18n: I18n;
  event: { slug: string; title: string; capacity: number | null };
  rows: RegistrationListRow[];
  csrfToken: string;
  notice?: { key: string; count?: number };
  message: { values: MessageForm; errors: FormErrors };
};

export function RegistrationsPage(props: RegistrationsPageProps) {
  const { i18n, event, rows } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/events/${event.slug}`;
  const registered = rows.filter((r) => r.status === 'registered');
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  const cancelled = rows.filter((r) => r.status === 'cancelled').length;
  const where = (r: RegistrationListRow) =>
    [r.city_name, r.country_code ? i18n.countryName(r.country_code) : null].filter(Boolean).join(', ');
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/events`, label: t('events.admin.title') }}
        title={event.title}
        titleIsContent
        notice={props.notice ? t(`events.admin.notices.${props.notice.key}`, { count: props.notice.count ?? 0 }) : undefined}
      />
      <p>
        {t('events.admin.summary', { registered: registered.length, waiting: waiting.length, cancelled })}{' '}
        <a href={`/${locale}/events/${event.slug}`}>{t('events.admin.publicPage')}</a> ·{' '}
        <a href={`${base}/registrations.csv`} download>
          {t('events.admin.download')}
        </a>
      </p>

      <section aria-labelledby="participants">
        <h2 id="participants">{t('events.admin.participants')}</h2>
        {registered.length ? (
          <form method="post" action={`${base}/attendance`}>
            <CsrfField token={props.csrfToken} />
            <DataTable
              caption={t('events.admin.participants')}
              columns={[
                t('events.admin.columns.attended'),
                t('events.admin.columns.name'),
                t('events.where'),
                t('events.admin.columns.answers'),
              ]}
            >
              {registered.map((r) => (
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      name="present"
                      value={String(r.id)}
                      id={`present-${r.id}`}
                      checked={r.attended === true}
                      aria-label={t('events.admin.cameLabel', { name: r.name })}
                    />
                  </td>
                  <td dir="auto">
                    <label for={`present-${r.id}`}>{r.name}</label>
                  </td>
                  <td dir="auto">{where(r)}</td>
                  <td dir="auto">
                    {[
                      r.answers.role,
                      r.answers.brings ? t(`events.registration.bringsOptions.${r.answers.brings}`) : null,
                      r.answers.bringsText,
                      r.answers.dietary,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </DataTable>
            <button type="submit" class="button secondary">
              {t('events.admin.saveAttendance')}
            </button>
          </form>
        ) : (
          <p class="empty">{t('events.admin.noParticipants')}</p>
        )}
      </section>

      {waiting.length ? (
        <section aria-labelledby="waiting">
          <h2 id="waiting">{t('events.admin.waitingList')}</h2>
          <ol>
            {waiting.map((r) => (
              <li dir="auto">
                {r.name}
                {where(r) ? ` (${where(r)})` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="message">
        <h2 id="message">{t('events.admin.messageTitle')}</h2>
        <form method="post" action={`${base}/message`} novalidate>
          <CsrfField token={props.csrfToken} />
          <ErrorSummary
            i18n={i18n}
            errors={props.message.errors}
            labels={{ subject: t('events.admin.subject'), message: t('events.admin.message') }}
          />
          <TextField
            i18n={i18n}
            name="subject"
            label={t('events.admin.subject')}
            value={props.message.values.subject}
            error={props.message.errors.subject}
            required
            maxlength={200}
            dir="auto"
          />
          <TextArea
            i18n={i18n}
            name="message"
            label={t('events.admin.message')}
            value={props.message.values.message}
            error={props.message.errors.message}
            required
            maxlength={5000}
            rows={8}
            dir="auto"
          />
          <Checkbox
            i18n={i18n}
            name="includeWaitlist"
            value="yes"
            id="field-includeWaitlist"
            label={t('events.admin.includeWaitlist')}
            checked={props.message.values.includeWaitlist}
          />
          <button type="submit" class="button">
            {t('events.admin.send', { count: registered.length })}
          </button>
        </form>
      </section>
    </>
  );
}
