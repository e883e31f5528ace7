import type { I18n } from '../../../platform/i18n/i18n.ts';
import { DataTable, EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { CsrfField } from '../../../platform/ui/forms.tsx';
import { Input, type Messages, ProblemSummary } from './edition-fields.views.tsx';
import type { EditionListRow } from './edition-pages.service.ts';

// The editors' list of editions, newest number first, and the form that starts a new one.

/** The states whose progress the sending page shows. */
const WITH_PROGRESS = new Set(['sending', 'paused', 'cancelled', 'sent']);

export function EditionListPage(props: {
  i18n: I18n;
  rows: EditionListRow[];
  form: { number: string; date: string };
  errors: Messages;
  csrfToken: string;
  notice?: string;
}) {
  const { i18n, rows, form, errors } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/newsletter`;
  return (
    <>
      <EditorHeader title={t('newsletterEditor.title')} notice={props.notice} lead={t('newsletterEditor.lead')} />
      <section class="panel" aria-labelledby="new-edition">
        <h2 id="new-edition">{t('newsletterEditor.newEdition')}</h2>
        <ProblemSummary i18n={i18n} messages={errors} />
        <form method="post" action={base} novalidate>
          <CsrfField token={props.csrfToken} />
          <Input
            name="number"
            label={t('newsletterEditor.number')}
            hint={t('newsletterEditor.numberHint')}
            value={form.number}
            error={errors.number}
            inputmode="numeric"
            maxlength={6}
            required
          />
          <Input name="date" type="date" label={t('newsletterEditor.date')} value={form.date} error={errors.date} required />
          <button type="submit" class="button">
            {t('newsletterEditor.create')}
          </button>
        </form>
      </section>
      {rows.length === 0 ? (
        <p class="empty">{t('newsletterEditor.noEditions')}</p>
      ) : (
        <DataTable
          caption={t('newsletterEditor.editions')}
          captionVisible
          columns={[
            t('newsletterEditor.number'),
            t('newsletterEditor.date'),
            t('newsletterEditor.statusLabel'),
            t('newsletterEditor.subject'),
            t('newsletterEditor.sending'),
          ]}
        >
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`${base}/${r.number}`}>{t('newsletterEditor.numbered', { number: r.number })}</a>
              </td>
              <td>{i18n.formatDate(r.date, 'medium')}</td>
              <td>{t(`newsletterEditor.status.${r.status}`)}</td>
              <td>
                {r.subject ? (
                  <>
                    <span lang={r.subject.locale} dir="auto">
                      {r.subject.text}
                    </span>
                    {r.subject.locale !== locale ? ` (${i18n.languageName(r.subject.locale)})` : null}
                  </>
                ) : (
                  <span class="meta">{t('newsletterEditor.noSubjectYet')}</span>
                )}
              </td>
              <td>{WITH_PROGRESS.has(r.status) ? <a href={`${base}/${r.number}/sending`}>{t('newsletterEditor.progress')}</a> : null}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
