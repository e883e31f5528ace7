import { randomUUID } from 'node:crypto';
import { type AttachedDocument, attachDocument, type DocumentRefusal, detachDocument } from '../../../core/uploads/uploads.service.ts';
import type { Config } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type ExportedEvent, exportEvent, saveImportedEvent } from '../import/events.import.ts';
import type { RegistrationContext } from '../registration/event-registration.service.ts';
import type { EventEditorForm } from './event-editor.forms.ts';
import * as q from './event-editor.queries.ts';

// The editors' event form. An event is kept in the exchange format (events.import.ts): the form reads
// the event as an export, changes what the editor changed (one language's texts at a time) and saves it
// through the importer's own check and write, in one transaction. So the form and `cli import` follow
// the same rules, and registrants hear of a new time, place, format or status either way.

export type EventEditorContext = RegistrationContext & { user: CurrentUser };

/** Most documents an event's documentation keeps (programmes, presentations, reports). */
export const MAX_EVENT_DOCUMENTS = 20;

export type EditableEvent = { id: number; slug: string; record: ExportedEvent; practiceSlugs: string[]; documents: AttachedDocument[] };

export async function loadEditableEvent(db: Database, slug: string): Promise<EditableEvent | undefined> {
  const found = await exportEvent(db, slug);
  if (!found) return undefined;
  const [practiceSlugs, documents] = await Promise.all([q.listPresentedPracticeSlugs(db, found.id), q.findEventDocuments(db, found.id)]);
  return { id: found.id, slug, record: found.record, practiceSlugs, documents };
}

/** What the form offers: series and learning processes to group the event in. */
export async function loadEventFormChoices(db: Database, locale: Locale) {
  const [series, processes] = await Promise.all([q.listGroupChoices(db, 'series', locale), q.listGroupChoices(db, 'process', locale)]);
  return { series, processes };
}

export type EventSaveOutcome = { ok: true; slug: string } | { ok: false; forbidden: true } | { ok: false; errors: Record<string, string> };

/** Where a problem the importer found belongs in the form, and what to say there. */
function fieldOf(problem: { field: string }): [string, string] {
  const [head, , leaf] = problem.field.split('.');
  if (head === 'translations') return [leaf ?? 'title', 'invalid'];
  if (head === 'reportedFigures') return [`reported${(leaf ?? 'participants').replace(/^./, (c) => c.toUpperCase())}`, 'invalid'];
  if (head === 'practices') return ['practices', 'practiceNotFound'];
  return [head ?? 'form', 'invalid'];
}

/**
 * The series, learning process and presented practices the form names, looked up; what is not found is
 * an error on its field. The route also runs it when other fields failed, so every error shows at once.
 */
export async function resolveEventReferences(db: Database, f: Pick<EventEditorForm, 'lang' | 'series' | 'learningProcess' | 'practices'>) {
  const errors: Record<string, string> = {};
  const choices = await loadEventFormChoices(db, f.lang);
  const group = (list: q.GroupChoice[], key: string, field: string) => {
    if (!key) return null;
    const found = list.find((g) => g.key === key);
    if (!found) errors[field] = 'invalid';
    return found ? { externalId: found.key, translations: found.translations } : null;
  };
  const series = group(choices.series, f.series, 'series');
  const learningProcess = group(choices.processes, f.learningProcess, 'learningProcess');
  const practiceNames = await q.findPracticeNamesBySlug(db, f.practices);
  if (f.practices.some((slug) => !practiceNames.has(slug))) errors.practices = 'practiceNotFound';
  return { errors, series, learningProcess, practiceNames };
}

/** Creates an event (a draft unless the editor chose otherwise) or changes one, merged into its record. */
export async function saveEventFromForm(
  ctx: EventEditorContext,
  existing: EditableEvent | null,
  f: EventEditorForm,
): Promise<EventSaveOutcome> {
  if (!can(ctx.user, 'edit-content')) return { ok: false, forbidden: true };
  const { errors, series, learningProcess, practiceNames } = await resolveEventReferences(ctx.db, f);
  if (Object.keys(errors).length) return { ok: false, errors };

  const figures = { participants: f.reportedParticipants, municipalities: f.reportedMunicipalities, countries: f.reportedCountries };
  const record: ExportedEvent = {
    externalId: existing?.record.externalId ?? `peerpolis-event-${randomUUID()}`,
    kind: f.kind,
    format: f.format,
    status: f.status,
    startsAt: f.startsAt,
    endsAt: f.endsAt,
    timeZone: f.timeZone,
    city: f.city || null,
    country: f.country || null,
    region: f.region || null,
    venue: f.venue,
    joinUrl: f.joinUrl || null,
    capacity: f.capacity,
    registrationOpensAt: f.registrationOpensAt || null,
    registrationClosesAt: f.registrationClosesAt || null,
    questions: f.questions,
    themes: f.themes,
    topics: f.topics,
    languages: [...new Set(f.languages)],
    hosts: f.hosts,
    partners: f.partners,
    series,
    learningProcess,
    reportedFigures: Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== null)),
    recordings: f.recordings,
    practices: f.practices.map((slug) => practiceNames.get(slug) as string),
    translations: {},
  };
  return ctx.db.transaction().execute(async (trx): Promise<EventSaveOutcome> => {
    // The other languages' texts are read again under the event's lock: two editors saving two
    // languages at the same moment both keep their text.
    const current = existing ? await q.lockEventTranslations(trx, existing.id) : {};
    record.translations = {
      ...current,
      [f.lang]: { title: f.title, summary: f.summary, programme: f.programme, documentation: f.documentation },
    };
    const saved = await saveImportedEvent(trx, record, { notify: ctx });
    if (saved.ok) return { ok: true, slug: saved.slug };
    return { ok: false, errors: Object.fromEntries(saved.problems.map(fieldOf)) };
  });
}

const documentsOf = (eventId: number) => ({
  lock: (trx: Database) => q.lockEventDocuments(trx, eventId),
  save: (trx: Database, docs: AttachedDocument[]) => q.setEventDocuments(trx, eventId, docs),
});

/** Adds a PDF to the event's documentation. */
export async function addEventDocument(
  ctx: EventEditorContext,
  eventId: number,
  input: { file: unknown; title: string },
  config: Pick<Config, 'DATA_DIR'>,
): Promise<'added' | 'not-found' | 'forbidden' | DocumentRefusal> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return attachDocument(
    ctx.db,
    config,
    { ...input, uploaderUserId: ctx.user.id, max: MAX_EVENT_DOCUMENTS, limitKey: 'eventEditor.documentLimit' },
    documentsOf(eventId),
  );
}

export async function removeEventDocument(ctx: EventEditorContext, eventId: number, uploadId: number): Promise<'removed' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  await detachDocument(ctx.db, uploadId, documentsOf(eventId));
  return 'removed';
}

export type EventFormValues = {
  values: Record<string, string>;
  questions: string[];
  themes: string[];
  topics: string[];
  languages: string[];
};

/** The form's fields for an event, its texts in `lang` (empty when not written in that language yet). */
export function formValuesOf(event: EditableEvent, lang: Locale): EventFormValues {
  const r = event.record;
  const text = r.translations[lang];
  const figure = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    values: {
      lang,
      title: text?.title ?? '',
      summary: text?.summary ?? '',
      programme: text?.programme ?? '',
      documentation: text?.documentation ?? '',
      kind: r.kind,
      format: r.format,
      status: r.status ?? 'published',
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      timeZone: r.timeZone,
      city: r.city ?? '',
      country: r.country ?? '',
      region: r.region ?? '',
      venue: r.venue ?? '',
      joinUrl: r.joinUrl ?? '',
      capacity: r.capacity ? String(r.capacity) : '',
      registrationOpensAt: r.registrationOpensAt ?? '',
      registrationClosesAt: r.registrationClosesAt ?? '',
      hosts: (r.hosts ?? []).map((h) => `${h.city}, ${h.country}`).join('\n'),
      partners: (r.partners ?? []).join('\n'),
      recordings: (r.recordings ?? []).map((l) => `${l.url} ${l.label ?? ''}`.trim()).join('\n'),
      practices: event.practiceSlugs.join('\n'),
      series: r.series?.externalId ?? '',
      learningProcess: r.learningProcess?.externalId ?? '',
      reportedParticipants: figure(r.reportedFigures?.participants),
      reportedMunicipalities: figure(r.reportedFigures?.municipalities),
      reportedCountries: figure(r.reportedFigures?.countries),
    },
    questions: r.questions ?? [],
    themes: r.themes ?? [],
    topics: r.topics ?? [],
    languages: r.languages ?? [],
  };
}
