import type { I18n } from '../../../platform/i18n/i18n.ts';
import { DataTable, EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../../platform/ui/components/language-tabs.tsx';
import { CsrfField, ErrorSummary, type FormErrors, TextArea, TextField } from '../../../platform/ui/forms.tsx';
import type { EventGroupKind } from '../events.table.ts';
import type { GroupListRow } from './event-series.queries.ts';
import { GROUP_PATHS, groupPagePath } from './event-series.service.ts';

// Editors' pages for series and learning processes: the list of both kinds and the form of one (its
// texts one language at a time, and for a series the period it runs).

const KIND_KEY = { series: 'series', process: 'process' } as const;

export function GroupsEditorPage(props: { i18n: I18n; groups: Record<EventGroupKind, GroupListRow[]>; notice?: string }) {
  const { i18n } = props;
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/events`, label: t('events.admin.title') }}
        title={t('eventSeries.editor.title')}
        lead={t('eventSeries.editor.intro')}
        notice={props.notice}
      />
      {(['series', 'process'] as const).map((kind) => (
        <section aria-labelledby={`groups-${kind}`}>
          <h2 id={`groups-${kind}`}>{t(`eventSeries.editor.${KIND_KEY[kind]}.heading`)}</h2>
          <p>
            <a class="button" href={`/${locale}/editor/${GROUP_PATHS[kind]}/new`}>
              {t(`eventSeries.editor.${KIND_KEY[kind]}.new`)}
            </a>
          </p>
          {props.groups[kind].length ? (
            <DataTable
              caption={t(`eventSeries.editor.${KIND_KEY[kind]}.heading`)}
              columns={[t('eventSeries.editor.columns.title'), t('eventSeries.editor.columns.sessions')]}
            >
              {props.groups[kind].map((g) => (
                <tr>
                  <td>
                    <a href={groupPagePath(locale, kind, g.slug)} lang={g.content_locale} dir="auto">
                      {g.title}
                    </a>{' '}
                    (<a href={`/${locale}/editor/${GROUP_PATHS[kind]}/${g.slug}/edit`}>{t('eventEditor.change')}</a>)
                  </td>
                  <td>{i18n.formatNumber(g.sessions)}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p class="empty">{t(`eventSeries.editor.${KIND_KEY[kind]}.none`)}</p>
          )}
        </section>
      ))}
    </>
  );
}

export type GroupFormProps = {
  i18n: I18n;
  kind: EventGroupKind;
  /** The group being changed (its slug and the languages it is written in), or null for a new one. */
  group: { slug: string; languages: string[] } | null;
  lang: string;
  values: Record<string, string>;
  errors: FormErrors;
  csrfToken: string;
  notice?: string;
};

export function GroupFormPage(props: GroupFormProps) {
  const { i18n, kind, group, lang, values, errors } = props;
  const { t, locale } = i18n;
  const key = KIND_KEY[kind];
  const base = `/${locale}/editor/${GROUP_PATHS[kind]}`;
  const action = group ? `${base}/${group.slug}/edit?lang=${lang}` : `${base}/new?lang=${lang}`;
  const labels: Record<string, string> = {
    title: t('eventSeries.editor.fields.title'),
    summary: t('eventSeries.editor.fields.summary'),
    startsOn: t('eventSeries.editor.fields.startsOn'),
    endsOn: t('eventSeries.editor.fields.endsOn'),
  };
  const field = (name: string) => ({ i18n, name, label: labels[name] ?? name, value: values[name] ?? '', error: errors[name] });
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/series`, label: t('eventSeries.editor.title') }}
        title={group ? t(`eventSeries.editor.${key}.edit`) : t(`eventSeries.editor.${key}.new`)}
        notice={props.notice}
      />
      {group ? (
        <>
          <p>
            <a href={groupPagePath(locale, kind, group.slug)}>{t('eventSeries.editor.publicPage')}</a>
          </p>
          <TextLanguageTabs
            i18n={i18n}
            label={t('eventEditor.textLanguage')}
            href={(l) => `${base}/${group.slug}/edit?lang=${l}`}
            current={lang}
            written={group.languages}
            notWritten={t('eventEditor.notWritten')}
          />
        </>
      ) : null}
      <form method="post" action={action} novalidate class="form">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <TextField {...field('title')} required maxlength={300} lang={lang} dir="auto" />
        <TextArea {...field('summary')} maxlength={2000} rows={4} lang={lang} dir="auto" />
        {kind === 'series' ? (
          <>
            <TextField {...field('startsOn')} type="date" />
            <TextField {...field('endsOn')} type="date" />
          </>
        ) : null}
        <button type="submit" class="button">
          {t('eventEditor.save')}
        </button>
      </form>
    </>
  );
}
