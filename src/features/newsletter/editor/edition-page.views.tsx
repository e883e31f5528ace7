import { LOCALES } from '../../../platform/i18n/locales.ts';
import { EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../../platform/ui/components/language-tabs.tsx';
import { CsrfField } from '../../../platform/ui/forms.tsx';
import { EDITORIAL_MAX, PREHEADER_MAX, SUBJECT_MAX } from './edition-editor.forms.ts';
import { Choices, type EditionPageProps, Input, listIn, ProblemSummary, Select, TextBox, valueIn } from './edition-fields.views.tsx';
import { FreeItemForm, Sections } from './edition-items.views.tsx';

// The page of one edition: its state, date and audience, its texts one language at a time, its sections
// with their items and suggestions, a free item, the previews and the test send. Once the edition is
// being sent (or was) the same page shows it without forms and links to the sending page.

export function EditionPage(props: EditionPageProps) {
  const { i18n, edition, errors } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/newsletter/${edition.number}`;
  const anchors = Object.fromEntries([
    ...LOCALES.map((l) => [`subject-${l}`, l === props.lang ? '#field-subject' : '#texts']),
    ...Object.keys(edition.sections).map((kind) => [`section-${kind}`, `#section-${kind}`]),
    ['subject', '#texts'],
    ['ref', '#sections'],
    ['lang', '#field-subject'],
    ['testLang', '#field-lang'],
  ]);
  return (
    <>
      <EditorHeader
        title={t('newsletterEditor.numbered', { number: edition.number })}
        back={{
          href: `/${locale}/editor/newsletter`,
          label: t('newsletterEditor.title'),
          note: t(`newsletterEditor.status.${edition.status}`),
        }}
        notice={props.notice}
      />
      <ProblemSummary i18n={i18n} messages={errors} anchors={anchors} />
      <StatePanel {...props} base={base} />
      {props.editable ? <DetailsForm {...props} base={base} /> : <DetailsView {...props} />}
      <Texts {...props} base={base} />
      <Sections {...props} base={base} />
      {props.editable ? <FreeItemForm {...props} base={base} /> : null}
      <PreviewPanel {...props} base={base} />
    </>
  );
}

function StatePanel(props: EditionPageProps & { base: string }) {
  const { i18n, edition, base, csrfToken } = props;
  const { t } = i18n;
  const sendingPage = (
    <a href={`${base}/sending`}>
      {edition.status === 'ready' || edition.status === 'scheduled' ? t('newsletterEditor.toSending') : t('newsletterEditor.progress')}
    </a>
  );
  return (
    <section class="panel" aria-labelledby="edition-state">
      <h2 id="edition-state">{t('newsletterEditor.state')}</h2>
      <p>
        {t('newsletterEditor.statusLabel')}: <strong>{t(`newsletterEditor.status.${edition.status}`)}</strong> ·{' '}
        {t('newsletterEditor.date')}: {i18n.formatDate(edition.edition_date, 'long')}
      </p>
      {props.editable ? null : <p class="notice">{t('newsletterEditor.readOnly')}</p>}
      <div class="actions">
        {edition.status === 'draft' ? (
          <form method="post" action={`${base}/ready`}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="button">
              {t('newsletterEditor.markReady')}
            </button>
          </form>
        ) : null}
        {edition.status === 'ready' || edition.status === 'scheduled' ? (
          <form method="post" action={`${base}/draft`}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="button secondary">
              {t('newsletterEditor.backToDraft')}
            </button>
          </form>
        ) : null}
        {edition.status === 'draft' ? null : sendingPage}
      </div>
      {edition.status === 'draft' ? <p class="hint">{t('newsletterEditor.readyHint')}</p> : null}
    </section>
  );
}

function DetailsForm(props: EditionPageProps & { base: string }) {
  const { i18n, edition, errors, base } = props;
  const { t } = i18n;
  const audience = edition.audience;
  return (
    <section class="panel" aria-labelledby="edition-details">
      <h2 id="edition-details">{t('newsletterEditor.details')}</h2>
      <form method="post" action={`${base}/details`} novalidate>
        <CsrfField token={props.csrfToken} />
        <Input
          name="date"
          type="date"
          label={t('newsletterEditor.date')}
          value={valueIn(props, 'details', 'date', edition.edition_date)}
          error={errors.date}
          required
        />
        <p class="hint">{t('newsletterEditor.audienceHint')}</p>
        <Choices
          name="locales"
          legend={t('newsletterEditor.audienceLocales')}
          options={LOCALES.map((l) => [l, i18n.languageName(l)])}
          selected={listIn(props, 'details', 'locales', audience.locales ?? [])}
          error={errors.locales}
        />
        <Choices
          name="themes"
          legend={t('newsletterEditor.audienceThemes')}
          options={props.themes}
          selected={listIn(props, 'details', 'themes', audience.themes ?? [])}
          error={errors.themes}
        />
        <Choices
          name="regions"
          legend={t('newsletterEditor.audienceRegions')}
          options={props.regions}
          selected={listIn(props, 'details', 'regions', audience.regions ?? [])}
          error={errors.regions}
        />
        <button type="submit" class="button secondary">
          {t('newsletterEditor.saveDetails')}
        </button>
      </form>
    </section>
  );
}

function DetailsView(props: EditionPageProps) {
  const { i18n, edition } = props;
  const { t } = i18n;
  const names = (list: string[] | undefined, name: (v: string) => string) =>
    list?.length ? list.map(name).join(', ') : t('newsletterEditor.everyone');
  const themeName = new Map(props.themes);
  const regionName = new Map(props.regions);
  return (
    <section class="panel" aria-labelledby="edition-details">
      <h2 id="edition-details">{t('newsletterEditor.details')}</h2>
      <dl>
        <dt>{t('newsletterEditor.audienceLocales')}</dt>
        <dd>{names(edition.audience.locales, (l) => i18n.languageName(l))}</dd>
        <dt>{t('newsletterEditor.audienceThemes')}</dt>
        <dd>{names(edition.audience.themes, (s) => themeName.get(s) ?? s)}</dd>
        <dt>{t('newsletterEditor.audienceRegions')}</dt>
        <dd>{names(edition.audience.regions, (s) => regionName.get(s) ?? s)}</dd>
      </dl>
    </section>
  );
}

function Texts(props: EditionPageProps & { base: string }) {
  const { i18n, edition, errors, base, lang } = props;
  const { t } = i18n;
  const text = edition.translations[lang] ?? { subject: '', preheader: '', editorial: '' };
  const others = LOCALES.filter((l) => l !== lang && errors[`subject-${l}`]);
  return (
    <section class="panel" id="texts" aria-labelledby="edition-texts">
      <h2 id="edition-texts">{t('newsletterEditor.texts')}</h2>
      <TextLanguageTabs
        i18n={i18n}
        label={t('newsletterEditor.textLanguages')}
        href={(l) => `${base}?lang=${l}#texts`}
        current={lang}
        written={Object.keys(edition.translations)}
        notWritten={t('newsletterEditor.notWritten')}
      />
      {others.length ? (
        <ul class="field-error">
          {others.map((l) => (
            <li>
              <a href={`${base}?lang=${l}#texts`}>{errors[`subject-${l}`]}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {props.editable ? (
        <form method="post" action={`${base}/text`} novalidate>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="lang" value={lang} />
          <Input
            name="subject"
            label={t('newsletterEditor.subjectIn', { language: i18n.languageName(lang) })}
            value={valueIn(props, 'text', 'subject', text.subject)}
            error={errors.subject ?? errors[`subject-${lang}`] ?? errors.lang}
            maxlength={SUBJECT_MAX}
            lang={lang}
          />
          <Input
            name="preheader"
            label={t('newsletterEditor.preheader')}
            hint={t('newsletterEditor.preheaderHint')}
            value={valueIn(props, 'text', 'preheader', text.preheader)}
            error={errors.preheader}
            maxlength={PREHEADER_MAX}
            lang={lang}
          />
          <TextBox
            name="editorial"
            label={t('newsletterEditor.editorial')}
            hint={t('newsletterEditor.editorialHint')}
            value={valueIn(props, 'text', 'editorial', text.editorial)}
            error={errors.editorial}
            maxlength={EDITORIAL_MAX}
            rows={12}
            lang={lang}
          />
          <button type="submit" class="button secondary">
            {t('newsletterEditor.saveText', { language: i18n.languageName(lang) })}
          </button>
        </form>
      ) : edition.translations[lang] ? (
        <div lang={lang} dir="auto">
          <h3>{text.subject}</h3>
          <p class="meta">{text.preheader}</p>
          {text.editorial.split(/\n{2,}/).map((p) => (
            <p>{p}</p>
          ))}
        </div>
      ) : (
        <p class="empty">{t('newsletterEditor.noText')}</p>
      )}
    </section>
  );
}

function PreviewPanel(props: EditionPageProps & { base: string }) {
  const { i18n, edition, errors, base } = props;
  const { t } = i18n;
  if (edition.locales.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="edition-preview">
      <h2 id="edition-preview">{t('newsletterEditor.preview')}</h2>
      <ul>
        {edition.locales.map((l) => (
          <li>
            {i18n.languageName(l)}: <a href={`${base}/preview?lang=${l}&as=web`}>{t('newsletterEditor.asWeb')}</a> ·{' '}
            <a href={`${base}/preview?lang=${l}&as=mail`}>{t('newsletterEditor.asMail')}</a> ·{' '}
            <a href={`${base}/preview?lang=${l}&as=text`}>{t('newsletterEditor.asText')}</a>
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/test-send`} class="inline-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <Select
          name="lang"
          label={t('newsletterEditor.testSendLanguage')}
          value={valueIn(props, 'testSend', 'lang', edition.locales.includes(props.lang) ? props.lang : (edition.locales[0] ?? ''))}
          options={edition.locales.map((l) => [l, i18n.languageName(l)])}
          error={errors.testLang}
        />
        <button type="submit" class="button secondary">
          {t('newsletterEditor.testSend')}
        </button>
      </form>
      <p class="hint">{t('newsletterEditor.testSendHint')}</p>
    </section>
  );
}
