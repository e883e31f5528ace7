import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { EventFormat, EventKind, EventStatus } from './events.table.ts';

export type EventFilters = {
  /** Still running or to come at `now` (upcoming), over (past), or both (the API with from/to). */
  when: 'upcoming' | 'past' | 'all';
  now: Date;
  from: Date | null;
  to: Date | null;
  kinds: EventKind[];
  formats: EventFormat[];
  themes: string[];
  regions: string[];
  languages: string[];
  limit: number;
  offset: number;
};

export type EventListRow = {
  id: number;
  slug: string;
  external_id: string | null;
  kind: EventKind;
  format: EventFormat;
  status: EventStatus;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  title: string;
  summary: string;
  content_locale: string;
  city_name: string | null;
  city_names: Record<string, string> | null;
  country_code: string | null;
  region_slug: string | null;
  themes: string[];
  languages: string[];
  total: number;
};

/**
 * Public events (not drafts) matching every filter, with the total. The region is the event's own or
 * its country's. Upcoming events come soonest first, past ones latest first.
 */
export async function searchEvents(db: Database, locale: Locale, f: EventFilters): Promise<EventListRow[]> {
  const any = (column: string, values: string[]) => (values.length ? sql`and ${sql.ref(column)} in (${sql.join(values)})` : sql``);
  const has = (table: string, column: string, values: string[]) =>
    values.length
      ? sql`and exists (select 1 from ${sql.table(table)} l where l.event_id = e.id and ${sql.ref(`l.${column}`)} in (${sql.join(values)}))`
      : sql``;
  const when = f.when === 'upcoming' ? sql`and e.ends_at >= ${f.now}` : f.when === 'past' ? sql`and e.ends_at < ${f.now}` : sql``;
  const order = f.when === 'past' ? sql`e.starts_at desc, e.id desc` : sql`e.starts_at, e.id`;
  const result = await sql<EventListRow>`
    select e.id, e.slug, e.external_id, e.kind, e.format, e.status, e.starts_at, e.ends_at, e.time_zone,
      tr.title, tr.summary, tr.locale as content_locale, c.name as city_name, c.names as city_names,
      e.country_code::text as country_code, coalesce(e.region_slug, co.region_slug) as region_slug,
      array(select theme_slug from event_themes where event_id = e.id order by 1) as themes,
      array(select code from event_languages where event_id = e.id order by 1) as languages,
      count(*) over ()::int as total
    from events e
    left join cities c on c.id = e.city_id
    left join countries co on co.code = e.country_code
    cross join lateral (select t.title, t.summary, t.locale from event_translations t where t.event_id = e.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where e.status <> 'draft' ${when}
      ${f.from ? sql`and e.ends_at >= ${f.from}` : sql``}
      ${f.to ? sql`and e.starts_at < ${f.to}` : sql``}
      ${any('e.kind', f.kinds)} ${any('e.format', f.formats)}
      ${f.regions.length ? sql`and coalesce(e.region_slug, co.region_slug) in (${sql.join(f.regions)})` : sql``}
      ${has('event_themes', 'theme_slug', f.themes)} ${has('event_languages', 'code', f.languages)}
    order by ${order}
    limit ${f.limit} offset ${f.offset}`.execute(db);
  return result.rows;
}
