import { loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import { prepareUpload, recordUpload, uploadsDir } from '../../core/uploads/uploads.service.ts';
import { discardPreparedUpload } from '../../core/uploads/uploads-housekeeping.service.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { slugify } from '../../platform/lib/slug.ts';
import type { FormErrors } from '../../platform/ui/forms.tsx';
import * as w from './publication-editor.queries.ts';
import type { PublicationForm } from './publications.forms.ts';
import * as q from './publications.queries.ts';
import type { PublicationStatus } from './publications.table.ts';

// The editors keep the library: one language's texts per save, the record's facts, its document (an
// uploaded PDF or a link, exactly one) and cover. Files are checked before anything is written; a
// refused file leaves the publication as it was. Every use case checks the role itself (the routes too).

export type EditorContext = { db: Database; user: CurrentUser; config: Pick<Config, 'DATA_DIR'> };

/** A message for the file fields: a catalog key with its values (the uploads module's refusals among them). */
export type FileMessage = { key: string; values?: Record<string, string | number> };

export type SaveOutcome =
  | { ok: true; slug: string }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; errors: FormErrors; file?: FileMessage; cover?: FileMessage };

const chosen = (file: unknown) => file instanceof Blob && file.size > 0;

/** Creates a publication or changes one; `existing` is the record as the editor opened it. */
export async function savePublication(
  ctx: EditorContext,
  existing: q.PublicationRecord | null,
  f: PublicationForm,
  files: { file: unknown; cover: unknown },
): Promise<SaveOutcome> {
  if (!can(ctx.user, 'edit-content')) return { ok: false, reason: 'forbidden' };
  const index = await loadTaxonomyIndex(ctx.db);
  const errors: FormErrors = {};
  let file: FileMessage | undefined;
  let cover: FileMessage | undefined;
  if (f.themes.some((t) => !index.themes.has(t))) errors.themes = 'invalid';
  if (f.regions.some((r) => !index.regions.has(r))) errors.regions = 'invalid';
  if (f.eventId !== null && !(await w.eventExists(ctx.db, f.eventId))) errors.eventId = 'invalid';
  if (f.source === 'link') {
    if (!f.url) errors.url = 'required';
    if (chosen(files.file)) file = { key: 'publications.editor.errors.fileAndLink' };
  } else if (!chosen(files.file) && !existing?.file) {
    file = { key: 'publications.editor.errors.fileRequired' };
  }
  const keepsCover = chosen(files.cover) || (existing?.cover && !f.removeCover);
  if (keepsCover && !f.coverAlt) errors.coverAlt = 'required';
  if (Object.keys(errors).length || file) return { ok: false, errors, file };

  // The file work happens before the transaction (see prepareUpload): a refused file saves nothing.
  const dir = uploadsDir(ctx.config);
  const pdf = f.source === 'file' && chosen(files.file) ? await prepareUpload(dir, { file: files.file, kind: 'document' }) : null;
  if (pdf && !pdf.ok) file = { key: pdf.error, values: pdf.values };
  const picture = chosen(files.cover) ? await prepareUpload(dir, { file: files.cover, kind: 'image' }) : null;
  if (picture && !picture.ok) cover = { key: picture.error, values: picture.values };
  // A prepared file whose save is then refused (the other file, a lost record) or fails has no row:
  // housekeeping goes by rows and would never find it, so it is taken back here.
  const prepared = [pdf, picture].flatMap((p) => (p?.ok ? [p.file] : []));
  const discard = async () => {
    for (const p of prepared) await discardPreparedUpload(ctx.db, dir, p);
  };
  if (file || cover) {
    await discard();
    return { ok: false, errors, file, cover };
  }

  const outcome = await ctx.db
    .transaction()
    .execute(async (trx): Promise<SaveOutcome> => {
      if (existing && !(await w.lockPublication(trx, existing.id))) return { ok: false, errors: { form: 'invalid' } };
      const fileId = pdf?.ok
        ? (await recordUpload(trx, pdf.file, ctx.user.id)).id
        : f.source === 'file'
          ? (existing?.file?.upload_id ?? null)
          : null;
      const coverId = picture?.ok
        ? (await recordUpload(trx, picture.file, ctx.user.id)).id
        : f.removeCover
          ? null
          : (existing?.cover?.upload_id ?? null);
      const write: w.PublicationWrite = {
        status: f.status,
        kind: f.kind,
        year: f.year,
        languages: [...new Set(f.languages)],
        file_upload_id: fileId,
        url: fileId === null ? f.url : null,
        cover_upload_id: coverId,
        event_id: f.eventId,
      };
      let id = existing?.id;
      let slug = existing?.slug ?? '';
      if (id === undefined) {
        const base = slugify(f.title, 'publication');
        slug = base;
        // 'new' is the address of the form for a new publication.
        for (let n = 2; slug === 'new' || (await w.isPublicationSlugTaken(trx, slug)); n++) slug = `${base}-${n}`;
        id = await w.insertPublication(trx, slug, null, write, ctx.user.id);
      } else await w.updatePublication(trx, id, write, ctx.user.id);
      await w.upsertPublicationText(trx, id, { locale: f.lang, title: f.title, summary: f.summary, cover_alt: f.coverAlt });
      await w.replacePublicationTaxonomy(trx, id, [...new Set(f.themes)], [...new Set(f.regions)]);
      return { ok: true, slug };
    })
    .catch(async (error) => {
      await discard();
      throw error;
    });
  if (!outcome.ok) await discard();
  return outcome;
}

/** Publishes or withdraws a publication (its texts and file stay as they are). */
export async function changePublicationStatus(ctx: Omit<EditorContext, 'config'>, id: number, status: PublicationStatus) {
  if (!can(ctx.user, 'edit-content')) return 'forbidden' as const;
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await w.lockPublication(trx, id))) return 'not-found' as const;
    await w.setPublicationStatus(trx, id, status, ctx.user.id);
    return 'saved' as const;
  });
}

/** One publication with everything the editors keep of it, drafts included (editors only). */
export function findPublicationForEditors(db: Database, slug: string) {
  return q.findPublicationBySlug(db, slug);
}

/** Every publication, drafts included, for the editors' list. */
export function listEditorPublications(db: Database, locale: Locale) {
  return q.searchPublications(
    db,
    locale,
    { words: '', kinds: [], themes: [], regions: [], years: [], languages: [], includeDrafts: true },
    { limit: 1000, offset: 0 },
  );
}

export function listEventChoices(db: Database, locale: Locale, linked: number | null) {
  return w.listEventChoices(db, locale, linked);
}
