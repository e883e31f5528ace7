import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import * as editions from '../editions/editions.queries.ts';
import { type Edition, editionProblems, loadEditionById } from '../editions/editions.service.ts';
import { EDITABLE_EDITION, type NewsletterItemSource, parseItemRef, type SectionKind } from '../newsletter.model.ts';
import type { FreeItemTranslations } from '../newsletter.table.ts';
import * as q from './edition-editor.queries.ts';

// The editors' use cases for an edition: each one transaction, on the edition's row locked first (see
// lockEditionByNumber). A change is refused, with a message, once the edition is being sent or was sent;
// and an edition marked ready stays sendable: a change that would give it a problem is refused too.

export type EditorContext = { db: Database; user: CurrentUser; sources: Map<string, NewsletterItemSource> };

/** What is wrong, next to which field: a catalog key of this namespace (or of forms.errors) with its values. */
export type Problem = { field: string; key: string; values?: Record<string, string> | undefined };
type Changed = { ok: true } | { ok: false; problems: Problem[] };
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; problems: Problem[] } | 'not-found';

const refused = (field: string, key: string, values?: Record<string, string>): { ok: false; problems: Problem[] } => ({
  ok: false,
  problems: [{ field, key, values }],
});

/** editionProblems as fields of the edition's page: a language's subject, a section. */
export function problemsOf(edition: Edition): Problem[] {
  return editionProblems(edition).map((p) => ({
    field: p.key === 'emptySection' ? `section-${p.values?.section}` : p.key === 'noSubject' ? `subject-${p.values?.locale}` : 'subject',
    key: `newsletterEditor.problems.${p.key}`,
    values: p.values,
  }));
}

/** Thrown inside a transaction to roll back what a use case did when the result breaks a ready edition. */
class Refusal extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

/** Runs a change of an edition that can still be changed, in one transaction. */
async function changeEdition(
  ctx: EditorContext,
  number: number,
  change: (trx: Database, editionId: number) => Promise<Changed>,
): Promise<Outcome> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await q.lockEditionByNumber(trx, number);
      if (!row) return 'not-found' as const;
      if (!EDITABLE_EDITION.includes(row.status)) return refused('form', 'newsletterEditor.errors.notEditable');
      const outcome = await change(trx, row.id);
      if (!outcome.ok) return outcome;
      await editions.updateEdition(trx, row.id, {});
      if (row.status === 'draft') return outcome;
      const problems = problemsOf((await loadEditionById(trx, row.id)) as Edition);
      if (problems.length) throw new Refusal([{ field: 'form', key: 'newsletterEditor.errors.keepsReady' }, ...problems]);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problems: error.problems };
    throw error;
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

export async function createEdition(ctx: EditorContext, values: { number: number; date: string }): Promise<Outcome<{ number: number }>> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (await editions.findEditionByNumber(trx, values.number)) return refused('number', 'newsletterEditor.errors.numberTaken');
      await editions.insertEdition(trx, { number: values.number, date: values.date, createdBy: ctx.user.id });
      return { ok: true as const, number: values.number };
    });
  } catch (error) {
    // Two editors creating the same number at once: the unique index decides, the second hears why.
    if (isUniqueViolation(error)) return refused('number', 'newsletterEditor.errors.numberTaken');
    throw error;
  }
}

/** One language's texts; all three empty removes the language from the edition. */
export function saveEditionText(
  ctx: EditorContext,
  number: number,
  text: { lang: string; subject: string; preheader: string; editorial: string },
): Promise<Outcome> {
  return changeEdition(ctx, number, async (trx, id) => {
    const { lang, ...fields } = text;
    if (!fields.subject && !fields.preheader && !fields.editorial) await editions.deleteEditionTranslation(trx, id, lang);
    else await editions.saveEditionTranslation(trx, id, lang, fields);
    return { ok: true };
  });
}

/** The date and the audience (languages, themes, regions; an empty list does not filter). */
export function saveEditionDetails(
  ctx: EditorContext,
  number: number,
  details: { date: string; locales: string[]; themes: string[]; regions: string[] },
): Promise<Outcome> {
  return changeEdition(ctx, number, async (trx, id) => {
    const taxonomy = await loadTaxonomyIndex(trx);
    if (details.themes.some((t) => !taxonomy.themes.has(t))) return refused('themes', 'newsletterEditor.errors.unknownTheme');
    if (details.regions.some((r) => !taxonomy.regions.has(r))) return refused('regions', 'newsletterEditor.errors.unknownRegion');
    const unique = (list: string[]) => [...new Set(list)];
    await editions.updateEdition(trx, id, {
      date: details.date,
      audience: { locales: unique(details.locales), themes: unique(details.themes), regions: unique(details.regions) },
    });
    return { ok: true };
  });
}

/** Content of the platform, by its ref: it must exist and not be in the edition already. */
export function addSuggestedItem(ctx: EditorContext, number: number, item: { ref: string; section: SectionKind }): Promise<Outcome> {
  return changeEdition(ctx, number, async (trx, id) => {
    const parsed = parseItemRef(item.ref);
    const source = parsed ? ctx.sources.get(parsed.kind) : undefined;
    if (!parsed || !source || !(await source.exists(trx, [parsed.externalId])).has(parsed.externalId)) {
      return refused('ref', 'newsletterEditor.errors.unknownItem');
    }
    const edition = (await loadEditionById(trx, id)) as Edition;
    if (Object.values(edition.sections).some((items) => items.some((i) => i.ref === item.ref))) {
      return refused('ref', 'newsletterEditor.errors.alreadyInEdition');
    }
    await q.appendEditionItem(trx, id, { section: item.section, ref: item.ref, url: null, translations: {} });
    return { ok: true };
  });
}

export function addFreeItem(
  ctx: EditorContext,
  number: number,
  item: { section: SectionKind; url: string | null; translations: FreeItemTranslations },
): Promise<Outcome> {
  return changeEdition(ctx, number, async (trx, id) => {
    await q.appendEditionItem(trx, id, { section: item.section, ref: null, url: item.url, translations: item.translations });
    return { ok: true };
  });
}

/** Swaps an item with its neighbour in its section; the section's positions become 1…n again. */
export function moveItem(ctx: EditorContext, number: number, move: { item: number; direction: 'up' | 'down' }): Promise<Outcome> {
  return changeEdition(ctx, number, async (trx, id) => {
    const edition = (await loadEditionById(trx, id)) as Edition;
    const items = Object.values(edition.sections).find((list) => list.some((i) => i.id === move.item));
    if (!items) return refused('form', 'newsletterEditor.errors.unknownItem');
    const from = items.findIndex((i) => i.id === move.item);
    const to = move.direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= items.length) return { ok: true };
    const order = [...items];
    [order[from], order[to]] = [order[to] as (typeof order)[number], order[from] as (typeof order)[number]];
    for (const [index, item] of order.entries()) {
      if (item.position !== index + 1) await q.setItemPosition(trx, id, item.id, index + 1);
    }
    return { ok: true };
  });
}

export function removeItem(ctx: EditorContext, number: number, remove: { item: number }): Promise<Outcome> {
  return changeEdition(ctx, number, async (trx, id) => {
    if (!(await q.deleteEditionItem(trx, id, remove.item))) return refused('form', 'newsletterEditor.errors.unknownItem');
    return { ok: true };
  });
}

/** draft → ready, when nothing keeps it from being sent (editionProblems). */
export async function markEditionReady(ctx: EditorContext, number: number): Promise<Outcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await q.lockEditionByNumber(trx, number);
    if (!row) return 'not-found' as const;
    if (row.status === 'ready' || row.status === 'scheduled') return { ok: true as const };
    if (row.status !== 'draft') return refused('form', 'newsletterEditor.errors.notEditable');
    const problems = problemsOf((await loadEditionById(trx, row.id)) as Edition);
    if (problems.length) return { ok: false as const, problems: [{ field: 'form', key: 'newsletterEditor.errors.notReady' }, ...problems] };
    await editions.changeEditionStatus(trx, row.id, ['draft'], 'ready');
    return { ok: true as const };
  });
}

/** ready or scheduled → draft (a schedule is dropped: the edition is checked again before it goes). */
export async function returnEditionToDraft(ctx: EditorContext, number: number): Promise<Outcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await q.lockEditionByNumber(trx, number);
    if (!row) return 'not-found' as const;
    if (row.status === 'draft') return { ok: true as const };
    if (!(await editions.changeEditionStatus(trx, row.id, ['ready', 'scheduled'], 'draft', { scheduledAt: null }))) {
      return refused('form', 'newsletterEditor.errors.notEditable');
    }
    return { ok: true as const };
  });
}
