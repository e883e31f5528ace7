import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/client.ts';
import type { CurrentUser } from '../../src/platform/http/context.ts';

export type EventFixture = {
  slug: string;
  title?: string;
  status?: 'draft' | 'published' | 'cancelled' | 'postponed';
  format?: 'in-person' | 'virtual' | 'hybrid';
  startsAt: Date;
  endsAt: Date;
  timeZone?: string;
  capacity?: number | null;
  joinUrl?: string | null;
  themes?: string[];
  questions?: string[];
};

/** An event written straight into the tables (as an import would), with an English text. */
export async function insertEvent(db: Database, f: EventFixture): Promise<number> {
  const row = await sql<{ id: number }>`
    insert into events (slug, kind, format, status, starts_at, ends_at, time_zone, capacity, join_url, questions, venue)
    values (${f.slug}, 'webinar', ${f.format ?? 'virtual'}, ${f.status ?? 'published'}, ${f.startsAt}, ${f.endsAt},
      ${f.timeZone ?? 'Europe/Berlin'}, ${f.capacity ?? null}, ${f.joinUrl ?? null}, ${f.questions ?? []}::text[], '')
    returning id`.execute(db);
  const id = row.rows[0]?.id as number;
  await sql`insert into event_translations (event_id, locale, title, summary, programme)
            values (${id}, 'en', ${f.title ?? f.slug}, 'A session for practitioners.', '')`.execute(db);
  for (const theme of f.themes ?? []) await sql`insert into event_themes (event_id, theme_slug) values (${id}, ${theme})`.execute(db);
  return id;
}

/** Verified members created directly (no password: for service-level tests that need many of them). */
export async function insertMembers(db: Database, count: number, prefix = 'member'): Promise<CurrentUser[]> {
  const rows = await sql<{ id: number; name: string }>`
    insert into users (email, name, locale, role, email_verified_at, privacy_consent_at, privacy_notice_version)
    select ${prefix} || '-' || g || '@city.example', ${prefix} || ' ' || g, 'en', 'member', now(), now(), '1'
    from generate_series(1, ${count}) g
    returning id, name`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, name: r.name, role: 'member', locale: 'en', emailVerified: true, sessionId: `s${r.id}` }));
}

/** `count` published events after every other one ("later-1" …): pushes older events past a list's limit. */
export async function insertLaterEvents(db: Database, count: number): Promise<void> {
  await sql`
    with made as (
      insert into events (slug, kind, format, status, starts_at, ends_at, time_zone, questions, venue)
      select 'later-' || g, 'webinar', 'virtual', 'published', now() + g * interval '1 day', now() + g * interval '1 day' + interval '1 hour',
        'UTC', '{}'::text[], ''
      from generate_series(1, ${count}) g
      returning id, slug)
    insert into event_translations (event_id, locale, title, summary, programme) select id, 'en', slug, '', '' from made`.execute(db);
}
