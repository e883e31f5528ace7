import type { I18n } from '../../../platform/i18n/i18n.ts';
import { DataTable, EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { CsrfField } from '../../../platform/ui/forms.tsx';
import type { MatchInput } from '../matching/expert-matching.forms.ts';
import type { ContactNoteRow, MatchRequestRow } from './match-requests.queries.ts';

// Editors' saved matching requests: the list, the delete confirmation, and the parts the matching page
// (matching/expert-matching.views.tsx) shows editors: saving a request, a saved one's header and notes.

/** What the matching page adds for editors: on the public page, saving; on a saved request, its title and notes. */
export type EditorPart =
  | { kind: 'can-save' }
  | { kind: 'saved'; id: number; title: string; createdBy: string | null; contacts: ContactNoteRow[]; notice?: string };

export function MatchRequestsPage({ i18n, rows, notice }: { i18n: I18n; rows: MatchRequestRow[]; notice?: 'deleted' }) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader
        title={t('experts.requests.title')}
        notice={notice ? t(`experts.requests.notices.${notice}`) : undefined}
        lead={t('experts.requests.intro')}
        action={{ href: `/${locale}/experts/match`, label: t('experts.match.title'), plain: true }}
      />
      {rows.length === 0 ? (
        <p class="empty">{t('experts.requests.empty')}</p>
      ) : (
        <DataTable
          caption={t('experts.requests.title')}
          columns={[
            t('experts.requests.columns.title'),
            t('experts.requests.columns.by'),
            t('experts.requests.columns.updated'),
            t('experts.requests.columns.contacted'),
          ]}
        >
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/${locale}/editor/matches/${r.id}`} dir="auto">
                  {r.title}
                </a>
              </td>
              <td dir="auto">{r.created_by_name ?? '—'}</td>
              <td>{i18n.formatDateTime(new Date(r.updated_at))}</td>
              <td>{i18n.formatNumber(r.contacted ?? 0)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** Asks before deleting a saved request (a plain form: no script needed). */
export function DeleteMatchRequestPage(props: { i18n: I18n; id: number; title: string; contacts: number; csrfToken: string }) {
  const { t, locale } = props.i18n;
  return (
    <>
      <h1>{t('experts.requests.deleteTitle')}</h1>
      <p class="lead">
        {t('experts.requests.deleteText', { count: props.contacts })} <q dir="auto">{props.title}</q>
      </p>
      <form method="post" action={`/${locale}/editor/matches/${props.id}/delete`} class="form-actions">
        <CsrfField token={props.csrfToken} />
        <button type="submit" name="confirm" value="yes" class="button danger">
          {t('experts.requests.deleteConfirm')}
        </button>
        <a href={`/${locale}/editor/matches/${props.id}`}>{t('experts.requests.deleteKeep')}</a>
      </form>
    </>
  );
}

export function SaveRequestForm({ i18n, csrfToken, input }: { i18n: I18n; csrfToken: string; input: MatchInput }) {
  const { t, locale } = i18n;
  return (
    <form method="post" action={`/${locale}/editor/matches`} class="form">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="challenge" value={input.challenge} />
      {input.topics.map((v) => (
        <input type="hidden" name="topics" value={v} />
      ))}
      {input.languages.map((v) => (
        <input type="hidden" name="languages" value={v} />
      ))}
      {input.availability.map((v) => (
        <input type="hidden" name="availability" value={v} />
      ))}
      {input.region ? <input type="hidden" name="region" value={input.region} /> : null}
      <div class="field">
        <label for="field-title">{t('experts.requests.titleLabel')}</label>
        <input type="text" id="field-title" name="title" maxlength={200} required dir="auto" />
      </div>
      <button type="submit" class="button secondary">
        {t('experts.requests.save')}
      </button>
    </form>
  );
}

export function SavedRequestHeader({ i18n, saved }: { i18n: I18n; saved: Extract<EditorPart, { kind: 'saved' }> }) {
  const { t, locale } = i18n;
  return (
    <>
      <p class="kicker">
        <a href={`/${locale}/editor/matches`}>{t('experts.requests.title')}</a>
      </p>
      {saved.notice ? (
        <p class="notice" role="status">
          {t(`experts.requests.notices.${saved.notice}`)}
        </p>
      ) : null}
      <p dir="auto">
        {t('experts.requests.savedBy', { name: saved.createdBy ?? '—' })}{' '}
        <a href={`/${locale}/editor/matches/${saved.id}/delete`}>{t('experts.requests.delete')}</a>
      </p>
      {saved.contacts.length ? (
        <section aria-labelledby="contacted-title">
          <h2 id="contacted-title">{t('experts.requests.contacted')}</h2>
          <ul>
            {saved.contacts.map((c) => (
              <li>
                <a href={`/${locale}/experts/${c.slug}`} dir="auto">
                  {c.display_name}
                </a>{' '}
                — {i18n.formatDateTime(new Date(c.created_at))}
                {c.noted_by_name ? `, ${c.noted_by_name}` : ''}
                {c.note ? (
                  <span dir="auto">
                    {': '}
                    {c.note}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ContactNoteForm(props: { i18n: I18n; csrfToken: string; requestId: number; expertId: number; note?: ContactNoteRow }) {
  const { t, locale } = props.i18n;
  const id = `note-${props.expertId}`;
  return (
    <form method="post" action={`/${locale}/editor/matches/${props.requestId}/contacts`} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="expertId" value={String(props.expertId)} />
      <label for={id}>{t('experts.requests.noteLabel')}</label>{' '}
      <input type="text" id={id} name="note" value={props.note?.note ?? ''} maxlength={500} dir="auto" />{' '}
      <button type="submit" class="button secondary small-button">
        {props.note ? t('experts.requests.updateNote') : t('experts.requests.markContacted')}
      </button>
    </form>
  );
}
