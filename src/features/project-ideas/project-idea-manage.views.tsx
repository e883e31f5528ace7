import { DocumentsPanel } from '../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { dayInZone } from '../../platform/lib/time-zones.ts';
import { SelectField } from '../../platform/ui/choice-fields.tsx';
import { EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { CsrfField, ErrorSummary, type FormErrors, RemoveButton, TextArea, TextField } from '../../platform/ui/forms.tsx';
import type { ProjectIdeaRecord } from './project-ideas.queries.ts';
import { PROJECT_STAGES } from './project-ideas.table.ts';
import { StagePath } from './project-ideas.views.tsx';

// The editors' page of one project idea: its stage and path, supporting experts (by address, or taken
// over from the call's accepted offers), the workshops it went through, and its documents.

export type SideForm = { values: Record<string, string>; errors: FormErrors };

export type ManagePageProps = {
  i18n: I18n;
  idea: ProjectIdeaRecord;
  title: string;
  experts: Array<{ id: number; slug: string; name: string; contribution: string }>;
  workshops: Array<{ id: number; title: string; starts_at: Date; time_zone: string }>;
  offers: Array<{ expert_id: number; expert_slug: string; name: string; proposal: string }>;
  csrfToken: string;
  notice?: string;
  stageForm?: SideForm;
  expertForm?: SideForm;
  documentError?: { message: string; title: string };
};

export function ManageProjectIdeaPage(props: ManagePageProps) {
  const { i18n, idea } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/project-ideas/${idea.slug}`;
  const linked = new Set(idea.events.map((e) => e.id));
  const supporting = new Set(props.experts.map((e) => e.id));
  const offers = props.offers.filter((o) => !supporting.has(o.expert_id));
  const stage = props.stageForm ?? { values: { stage: idea.stage, reachedOn: new Date().toISOString().slice(0, 10) }, errors: {} };
  const expert = props.expertForm ?? { values: {}, errors: {} };
  return (
    <>
      <EditorHeader
        back={{
          href: `/${locale}/editor/project-ideas`,
          label: t('projectIdeas.editor.title'),
          note: t(`projectIdeas.editor.status.${idea.status}`),
        }}
        title={props.title}
        titleIsContent
        notice={props.notice}
      />
      <p>
        <a class="button secondary" href={`${base}/edit`}>
          {t('projectIdeas.editor.editTitle')}
        </a>{' '}
        <a href={`/${locale}/project-ideas/${idea.slug}`}>{t('projectIdeas.editor.publicPage')}</a>
      </p>
      <StagePath i18n={i18n} stage={idea.stage} />

      <section class="panel" aria-labelledby="manage-stage">
        <h2 id="manage-stage">{t('projectIdeas.editor.recordStage')}</h2>
        <form method="post" action={`${base}/stage`} novalidate>
          <CsrfField token={props.csrfToken} />
          <ErrorSummary
            i18n={i18n}
            errors={stage.errors}
            labels={{
              stage: t('projectIdeas.stageLabel'),
              reachedOn: t('projectIdeas.editor.reachedOn'),
              note: t('projectIdeas.editor.note'),
            }}
          />
          <SelectField
            i18n={i18n}
            name="stage"
            label={t('projectIdeas.stageLabel')}
            value={stage.values.stage ?? ''}
            error={stage.errors.stage}
            options={PROJECT_STAGES.map((s) => [s, t(`projectIdeas.stage.${s}`)])}
          />
          <TextField
            i18n={i18n}
            type="date"
            name="reachedOn"
            label={t('projectIdeas.editor.reachedOn')}
            value={stage.values.reachedOn ?? ''}
            error={stage.errors.reachedOn}
            required
          />
          <TextArea
            i18n={i18n}
            name="note"
            label={t('projectIdeas.editor.note')}
            value={stage.values.note ?? ''}
            error={stage.errors.note}
            maxlength={2000}
            rows={2}
            dir="auto"
          />
          <button type="submit" class="button secondary">
            {t('projectIdeas.editor.saveStage')}
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="manage-experts">
        <h2 id="manage-experts">{t('projectIdeas.supportingExperts')}</h2>
        {props.experts.length ? (
          <ul>
            {props.experts.map((e) => (
              <li>
                <a href={`/${locale}/experts/${e.slug}`} dir="auto">
                  {e.name}
                </a>
                {e.contribution ? (
                  <>
                    {' — '}
                    <bdi>{e.contribution}</bdi>
                  </>
                ) : null}
                <RemoveButton
                  action={`${base}/experts/remove`}
                  name="expertId"
                  value={e.id}
                  label={t('projectIdeas.editor.remove', { name: e.name })}
                  csrfToken={props.csrfToken}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('projectIdeas.editor.noExperts')}</p>
        )}
        {offers.length ? (
          <>
            <h3>{t('projectIdeas.editor.offers')}</h3>
            <ul>
              {offers.map((o) => (
                <li>
                  <bdi>
                    <strong>{o.name}</strong>
                  </bdi>
                  : <bdi>{o.proposal.slice(0, 300)}</bdi>
                  <form method="post" action={`${base}/experts`} class="inline-form">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="expert" value={o.expert_slug} />
                    <input type="hidden" name="contribution" value={o.proposal.replace(/\s+/g, ' ').slice(0, 500)} />
                    <button type="submit" class="link-button">
                      {t('projectIdeas.editor.addOffer', { name: o.name })}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <form method="post" action={`${base}/experts`} novalidate>
          <CsrfField token={props.csrfToken} />
          <ErrorSummary
            i18n={i18n}
            errors={expert.errors}
            labels={{ expert: t('projectIdeas.editor.expert'), contribution: t('projectIdeas.contribution') }}
          />
          <TextField
            i18n={i18n}
            name="expert"
            label={t('projectIdeas.editor.expert')}
            hint={t('projectIdeas.editor.expertHint')}
            value={expert.values.expert ?? ''}
            error={expert.errors.expert}
            required
            maxlength={500}
            dir="ltr"
          />
          <TextField
            i18n={i18n}
            name="contribution"
            label={t('projectIdeas.contribution')}
            value={expert.values.contribution ?? ''}
            error={expert.errors.contribution}
            maxlength={500}
            dir="auto"
          />
          <button type="submit" class="button secondary">
            {t('projectIdeas.editor.addExpert')}
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="manage-workshops">
        <h2 id="manage-workshops">{t('projectIdeas.workshops')}</h2>
        {idea.events.length ? (
          <ul>
            {idea.events.map((e) => (
              <li>
                <span dir="auto">{i18n.label(e.titles)}</span>
                <RemoveButton
                  action={`${base}/workshops/remove`}
                  name="eventId"
                  value={e.id}
                  label={t('projectIdeas.editor.remove', { name: i18n.label(e.titles) })}
                  csrfToken={props.csrfToken}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('projectIdeas.editor.noWorkshops')}</p>
        )}
        <form method="post" action={`${base}/workshops/add`}>
          <CsrfField token={props.csrfToken} />
          <SelectField
            i18n={i18n}
            name="eventId"
            label={t('projectIdeas.editor.workshop')}
            value=""
            options={props.workshops
              .filter((w) => !linked.has(w.id))
              .map((w) => [String(w.id), `${w.title} (${i18n.formatMonth(dayInZone(w.starts_at, w.time_zone))})`])}
          />
          <button type="submit" class="button secondary">
            {t('projectIdeas.editor.addWorkshop')}
          </button>
        </form>
      </section>

      <DocumentsPanel
        i18n={i18n}
        heading={t('projectIdeas.documents')}
        documents={idea.documents}
        action={`${base}/documents`}
        csrfToken={props.csrfToken}
        error={props.documentError}
      />
    </>
  );
}
