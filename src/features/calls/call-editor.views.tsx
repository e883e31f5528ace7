import type { I18n } from '../../platform/i18n/i18n.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { SelectField, type SelectOption } from '../../platform/ui/choice-fields.tsx';
import { DataTable, EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { CsrfField, ErrorSummary, type FormErrors, TextArea, TextField } from '../../platform/ui/forms.tsx';
import { TimeZoneSelect } from '../../platform/ui/time-zone-field.tsx';
import { REVIEW_DECISIONS } from './call-application.service.ts';
import type { ApplicationRow, CallRecord } from './calls.queries.ts';
import { CALL_KINDS } from './calls.table.ts';
import { pickCallText } from './calls.views.tsx';

// Editors' pages for calls: the list, the call form, and the applications with their review.

export function EditorCallsPage({ i18n, calls }: { i18n: I18n; calls: CallRecord[] }) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader title={t('calls.editor.title')} action={{ href: `/${locale}/editor/calls/new`, label: t('calls.editor.new') }} />
      <DataTable
        caption={t('calls.editor.title')}
        columns={[t('calls.editor.call'), t('calls.deadline'), t('calls.editor.statusLabel'), t('calls.editor.applications')]}
      >
        {calls.map((c) => (
          <tr>
            <td>
              <a href={`/${locale}/editor/calls/${c.slug}`} dir="auto">
                {pickCallText(c.texts, locale)?.title}
              </a>{' '}
              (<a href={`/${locale}/editor/calls/${c.slug}/edit`}>{t('calls.editor.edit')}</a>)
            </td>
            <td>{i18n.formatPeriodInZone(c.deadline, c.deadline, c.time_zone).split(' – ')[0]}</td>
            <td>{t(`calls.editor.status.${c.status}`)}</td>
            <td>{i18n.formatNumber(c.applications)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

export type CallFormValues = Record<string, string>;

export function CallFormPage(props: {
  i18n: I18n;
  call: CallRecord | null;
  values: CallFormValues;
  errors: FormErrors;
  events: Array<{ id: number; title: string }>;
  csrfToken: string;
  /** A new, untouched form: the time-zone list takes the browser's zone (by script). */
  guessZone?: boolean;
}) {
  const { i18n, values, errors } = props;
  const { t, locale } = i18n;
  const v = (k: string) => values[k] ?? '';
  const labels = {
    kind: t('calls.editor.kind'),
    title: t('calls.editor.titleLabel'),
    summary: t('calls.editor.summary'),
    eligibility: t('calls.eligibility'),
    questions: t('calls.editor.questions'),
    deadline: t('calls.deadline'),
    timeZone: t('calls.editor.timeZone'),
    perMunicipality: t('calls.quota'),
  };
  const action = props.call ? `/${locale}/editor/calls/${props.call.slug}/edit` : `/${locale}/editor/calls/new`;
  const select = (name: string, label: string, options: SelectOption[]) => (
    <SelectField i18n={i18n} name={name} label={label} value={v(name)} error={errors[name]} options={options} />
  );
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/calls`, label: t('calls.editor.title') }}
        title={props.call ? t('calls.editor.editTitle') : t('calls.editor.new')}
      />
      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrfToken} />
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        {select(
          'lang',
          t('calls.editor.language'),
          LOCALES.map((l) => [l, i18n.languageName(l)]),
        )}
        {select('kind', labels.kind, [
          ['', t('calls.editor.choose')],
          ...CALL_KINDS.map((k): [string, string] => [k, t(`calls.kind.${k}`)]),
        ])}
        {select(
          'status',
          t('calls.editor.statusLabel'),
          (['draft', 'open', 'closed'] as const).map((s) => [s, t(`calls.editor.status.${s}`)]),
        )}
        <TextField
          i18n={i18n}
          name="title"
          label={labels.title}
          value={v('title')}
          error={errors.title}
          required
          maxlength={300}
          dir="auto"
        />
        <TextArea
          i18n={i18n}
          name="summary"
          label={labels.summary}
          value={v('summary')}
          error={errors.summary}
          maxlength={2000}
          rows={3}
          dir="auto"
        />
        <TextArea
          i18n={i18n}
          name="eligibility"
          label={labels.eligibility}
          value={v('eligibility')}
          error={errors.eligibility}
          maxlength={10000}
          rows={5}
          dir="auto"
        />
        <TextArea
          i18n={i18n}
          name="questions"
          label={labels.questions}
          hint={t('calls.editor.questionsHint')}
          value={v('questions')}
          error={errors.questions}
          maxlength={5000}
          rows={4}
          dir="auto"
        />
        <TextField
          i18n={i18n}
          type="datetime-local"
          name="deadline"
          label={labels.deadline}
          value={v('deadline')}
          error={errors.deadline}
          required
        />
        <TimeZoneSelect
          i18n={i18n}
          name="timeZone"
          label={labels.timeZone}
          hint={t('calls.editor.timeZoneHint')}
          value={v('timeZone')}
          error={errors.timeZone}
          guess={props.guessZone}
        />
        {select('eventId', t('calls.event'), [
          ['', t('calls.editor.noEvent')],
          ...props.events.map((e): [string, string] => [String(e.id), e.title]),
        ])}
        <TextField
          i18n={i18n}
          name="perMunicipality"
          label={labels.perMunicipality}
          hint={t('calls.editor.quotaHint')}
          value={v('perMunicipality')}
          error={errors.perMunicipality}
          maxlength={3}
        />
        <button type="submit" class="button">
          {t('calls.editor.save')}
        </button>
      </form>
    </>
  );
}

export function ApplicationsPage(props: {
  i18n: I18n;
  call: CallRecord;
  rows: ApplicationRow[];
  histories: Map<number, Array<{ status: string; note: string; created_at: Date; actor_name: string | null }>>;
  csrfToken: string;
  notice?: string;
}) {
  const { i18n, call, rows } = props;
  const { t, locale } = i18n;
  const text = pickCallText(call.texts, locale);
  const base = `/${locale}/editor/calls/${call.slug}`;
  const accepted = rows.filter((r) => r.status === 'accepted').length;
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/calls`, label: t('calls.editor.title') }}
        title={text?.title ?? ''}
        titleIsContent
        notice={props.notice}
      />
      <p>
        <a href={`/${locale}/calls/${call.slug}`}>{t('calls.editor.publicPage')}</a>
      </p>
      {call.event_id && accepted ? (
        <form method="post" action={`${base}/register-accepted`}>
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button secondary">
            {t('calls.editor.registerAccepted', { count: accepted })}
          </button>
        </form>
      ) : null}
      {rows.length === 0 ? <p class="empty">{t('calls.editor.noApplications')}</p> : null}
      {rows.map((r) => (
        <section class="panel" aria-labelledby={`application-${r.id}`}>
          <h2 id={`application-${r.id}`} dir="auto">
            {r.applicant_name} — {r.city_name}, {i18n.countryName(r.country_code)}
          </h2>
          <p>
            <strong>{t(`calls.status.${r.status}`)}</strong> · <span dir="auto">{r.organisation}</span>
          </p>
          <p dir="auto" class="prose">
            {r.proposal}
          </p>
          {text?.questions.length ? (
            <dl>
              {text.questions.map((q, i) => (
                <>
                  <dt dir="auto">{q}</dt>
                  <dd dir="auto">{r.answers[i] ?? ''}</dd>
                </>
              ))}
            </dl>
          ) : null}
          <ul class="history">
            {(props.histories.get(r.id) ?? []).map((h) => (
              <li>
                {i18n.formatDateTime(new Date(h.created_at))} · {t(`calls.status.${h.status}`)}
                {h.actor_name ? ` · ${h.actor_name}` : ''}
                {h.note ? <span dir="auto">: {h.note}</span> : null}
              </li>
            ))}
          </ul>
          {r.status !== 'withdrawn' ? (
            <form method="post" action={`${base}/applications/${r.id}/review`}>
              <CsrfField token={props.csrfToken} />
              <SelectField
                i18n={i18n}
                id={`decision-${r.id}`}
                name="decision"
                label={t('calls.editor.decision')}
                value={r.status}
                options={REVIEW_DECISIONS.map((d) => [d, t(`calls.status.${d}`)])}
              />
              <div class="field">
                <label for={`note-${r.id}`}>{t('calls.editor.note')}</label>
                <textarea id={`note-${r.id}`} name="note" rows={3} maxlength={2000} dir="auto" />
              </div>
              <button type="submit" class="button secondary">
                {t('calls.editor.saveDecision')}
              </button>
            </form>
          ) : null}
        </section>
      ))}
    </>
  );
}
