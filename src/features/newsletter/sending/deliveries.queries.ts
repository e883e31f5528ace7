import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { DeliveryStatus } from '../newsletter.model.ts';
import type { EditionAudience } from '../newsletter.table.ts';

// The deliveries of an edition: created set-based for the whole audience, claimed in batches with
// FOR UPDATE SKIP LOCKED, and marked in groups. Ids are bigint: text on both engines.

/**
 * One queued delivery per confirmed, not paused subscriber of the audience, in one statement: the
 * subscribers are never loaded into memory. The delivery keeps the reader's own language: the mail is
 * rendered in it (headings, footer, links, items that exist in it), whatever language the edition's
 * texts fall back to. An empty filter does not filter; a subscriber who chose no themes (or regions)
 * is interested in all of them.
 */
export async function insertAudienceDeliveries(db: Database, editionId: number, audience: EditionAudience): Promise<number> {
  const locales = audience.locales ?? [];
  const themes = audience.themes ?? [];
  const regions = audience.regions ?? [];
  const result = await sql`
    insert into newsletter_deliveries (edition_id, subscriber_id, locale)
    select ${editionId}, s.id, s.locale
    from newsletter_subscribers s
    where s.status = 'confirmed' and s.paused_at is null
      and (cardinality(${sql.val(locales)}::text[]) = 0 or s.locale = any(${sql.val(locales)}::text[]))
      and (cardinality(${sql.val(themes)}::text[]) = 0 or cardinality(s.themes) = 0 or s.themes && ${sql.val(themes)}::text[])
      and (cardinality(${sql.val(regions)}::text[]) = 0 or cardinality(s.regions) = 0 or s.regions && ${sql.val(regions)}::text[])
    order by s.id
    on conflict (edition_id, subscriber_id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The reader still wants mail: confirmed and not paused (a send takes minutes to hours; people leave meanwhile). */
const stillReading = sql`exists (select 1 from newsletter_subscribers s
  where s.id = subscriber_id and s.status = 'confirmed' and s.paused_at is null)`;

export type ClaimedDelivery = { id: string; subscriber_id: number; locale: string; attempts: number; email: string; token: string };

/**
 * Takes up to `limit` due deliveries of an edition for one sender. SKIP LOCKED lets several senders
 * claim at once without waiting on, or double-taking, each other's rows.
 */
export async function claimDeliveries(db: Database, editionId: number, senderId: string, limit: number): Promise<ClaimedDelivery[]> {
  // The next `limit` due deliveries, in the order of the index (edition, status, due time, id: no scan
  // of the whole queue per batch): those whose reader left since the start (unsubscribed, bounced,
  // complained, paused) are cancelled in the same statement, so the send still ends; the others are
  // claimed. SKIP LOCKED keeps two senders from waiting on, or double-taking, each other's rows.
  const result = await sql<ClaimedDelivery>`
    with candidates as (
      select id, ${stillReading} as reading from newsletter_deliveries
      where edition_id = ${editionId} and status = 'queued' and next_attempt_at <= now()
        -- A paused or cancelled edition gives nothing more out, even to a sender that has not noticed yet.
        and exists (select 1 from newsletter_editions e where e.id = ${editionId} and e.status = 'sending')
      order by next_attempt_at, id limit ${limit}
      for update skip locked),
    left_readers as (
      update newsletter_deliveries set status = 'cancelled', error = 'subscriber left', claimed_by = null, claimed_at = null
      where id in (select id from candidates where not reading)
      returning id),
    claimed as (
      update newsletter_deliveries set status = 'sending', claimed_by = ${senderId}, claimed_at = now()
      where id in (select id from candidates where reading)
      returning id, subscriber_id, locale, attempts)
    select claimed.id::text as id, claimed.subscriber_id, claimed.locale, claimed.attempts, s.email, s.token
    from claimed join newsletter_subscribers s on s.id = claimed.subscriber_id
    order by claimed.id`.execute(db);
  return result.rows;
}

/** Only rows this sender still holds change: a row recovered as uncertain meanwhile stays so. */
function held(ids: string[], senderId: string) {
  return sql`id = any(${sql.val(ids)}::bigint[]) and status = 'sending' and claimed_by = ${senderId}`;
}

export async function markDeliveriesSent(db: Database, senderId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`update newsletter_deliveries set status = 'sent', sent_at = now(), error = null where ${held(ids, senderId)}`.execute(db);
}

export async function markDeliveryFailed(db: Database, senderId: string, id: string, error: string): Promise<void> {
  await sql`update newsletter_deliveries set status = 'failed', failed_at = now(), attempts = attempts + 1, error = ${error}
    where ${held([id], senderId)}`.execute(db);
}

/** The connection broke while the message was on its way: it may have arrived, so it is not sent again by itself. */
export async function markDeliveryUncertain(db: Database, senderId: string, id: string, error: string): Promise<void> {
  await sql`update newsletter_deliveries set status = 'uncertain', attempts = attempts + 1, error = ${error}
    where ${held([id], senderId)}`.execute(db);
}

/** A transient failure: queued again after `delaySeconds`, one attempt more. */
export async function requeueDeliveryLater(db: Database, senderId: string, id: string, error: string, delaySeconds: number) {
  await sql`update newsletter_deliveries
    set status = 'queued', attempts = attempts + 1, error = ${error}, claimed_by = null, claimed_at = null,
        next_attempt_at = now() + make_interval(secs => ${delaySeconds})
    where ${held([id], senderId)}`.execute(db);
}

/** Claimed but never handed to SMTP (the send was paused or stopped): safe to queue again as they were. */
export async function releaseDeliveries(db: Database, senderId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`update newsletter_deliveries
    set claimed_by = null, claimed_at = null,
        status = case when exists (select 1 from newsletter_editions e where e.id = edition_id and e.status = 'cancelled')
                 then 'cancelled' else 'queued' end
    where ${held(ids, senderId)}`.execute(db);
}

export async function upsertSenderHeartbeat(db: Database, senderId: string): Promise<void> {
  await sql`insert into newsletter_senders (sender_id, seen_at) values (${senderId}, now())
    on conflict (sender_id) do update set seen_at = now()`.execute(db);
}

export async function deleteSender(db: Database, senderId: string): Promise<void> {
  await db.deleteFrom('newsletter_senders').where('sender_id', '=', senderId).execute();
}

/**
 * Deliveries left 'sending' by dead senders become 'uncertain': the mail may or may not have left, so
 * it is never sent again by itself. Dead: no heartbeat within `staleSeconds`, or (`aliveOnly`, for
 * PGlite, which one process owns) not one of the senders alive in this process.
 */
export async function markOrphansUncertain(
  db: Database,
  editionId: number,
  options: { staleSeconds: number; aliveOnly?: string[] },
): Promise<number> {
  const alive = options.aliveOnly
    ? sql`${sql.val(options.aliveOnly)}::text[]`
    : sql`array(select sender_id from newsletter_senders where seen_at > now() - make_interval(secs => ${options.staleSeconds}))`;
  const result = await sql`update newsletter_deliveries set status = 'uncertain', error = 'sender stopped while sending'
    where edition_id = ${editionId} and status = 'sending' and not (coalesce(claimed_by, '') = any(${alive}))`.execute(db);
  await sql`delete from newsletter_senders where seen_at < now() - interval '1 day'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The editor's deliberate choice: the uncertain deliveries are sent (again) now; those of readers who
 * left meanwhile are cancelled instead. Returns how many are queued.
 */
export async function requeueUncertain(db: Database, editionId: number): Promise<number> {
  const result = await sql<{ status: string }>`update newsletter_deliveries
    set status = case when ${stillReading} then 'queued' else 'cancelled' end,
        error = case when ${stillReading} then null else 'subscriber left' end,
        next_attempt_at = now(), claimed_by = null, claimed_at = null
    where edition_id = ${editionId} and status = 'uncertain'
    returning status`.execute(db);
  return result.rows.filter((r) => r.status === 'queued').length;
}

export async function cancelQueuedDeliveries(db: Database, editionId: number): Promise<number> {
  const result = await sql`update newsletter_deliveries set status = 'cancelled'
    where edition_id = ${editionId} and status = 'queued'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export type DeliveryCounts = Record<DeliveryStatus, number> & { total: number };

export async function countDeliveries(db: Database, editionId: number): Promise<DeliveryCounts> {
  const rows = await sql<{ status: DeliveryStatus; n: number }>`
    select status, count(*)::int as n from newsletter_deliveries where edition_id = ${editionId} group by status`.execute(db);
  const counts: DeliveryCounts = { queued: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, cancelled: 0, total: 0 };
  for (const row of rows.rows) {
    counts[row.status] = row.n;
    counts.total += row.n;
  }
  return counts;
}

/** Mails sent in the last `seconds` (the rate the editor sees) and when the next retry falls due. */
export async function sendingPace(db: Database, editionId: number, seconds: number) {
  const row = await sql<{ recent: number; next_due: Date | null }>`
    select
      (select count(*)::int from newsletter_deliveries
        where edition_id = ${editionId} and status = 'sent' and sent_at > now() - make_interval(secs => ${seconds})) as recent,
      (select min(next_attempt_at) from newsletter_deliveries where edition_id = ${editionId} and status = 'queued') as next_due`.execute(
    db,
  );
  return row.rows[0] ?? { recent: 0, next_due: null };
}

/** Whether anything of the edition is still to be sent or in a sender's hands. */
export async function hasOpenDeliveries(db: Database, editionId: number): Promise<boolean> {
  const row = await sql<{ open: boolean }>`select exists(select 1 from newsletter_deliveries
    where edition_id = ${editionId} and status in ('queued', 'sending')) as open`.execute(db);
  return row.rows[0]?.open ?? false;
}

/**
 * Editions whose send is under way but that no `kind` job will carry on: none pending, none running
 * with a recent claim (a job slice runs for seconds; one claimed longer ago than `freshSeconds` belongs
 * to a dead worker, which the jobs table would only release after ten minutes). The editions are
 * locked (call it in a transaction), so two workers starting at once do not both queue one.
 */
export async function lockSendingEditionsWithoutJob(db: Database, kind: string, freshSeconds: number): Promise<number[]> {
  // Locked first, checked after, in its own statement: its snapshot sees a job another worker just queued.
  await sql`select id from newsletter_editions where status = 'sending' order by id for update`.execute(db);
  const rows = await sql<{ id: number }>`select e.id from newsletter_editions e
    where e.status = 'sending'
      and not exists (select 1 from jobs j where j.kind = ${kind} and j.payload->>'editionId' = e.id::text
        and (j.status = 'pending' or (j.status = 'running' and j.locked_at > now() - make_interval(secs => ${freshSeconds}))))
    order by e.id`.execute(db);
  return rows.rows.map((r) => r.id);
}
