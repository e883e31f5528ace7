import { findReachableMember } from '../../core/accounts/members.service.ts';
import { findOrAddCity } from '../../core/cities/cities.service.ts';
import { queueMail } from '../../core/mail/mail.service.ts';
import { renderNoticeMail } from '../../core/mail/notice.templates.tsx';
import { consumeRateLimits } from '../../core/rate-limits/rate-limits.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../platform/module.ts';
import { enrolParticipants, type RegistrationContext } from '../events/index.ts';
import * as q from './calls.queries.ts';
import type { ApplicationStatus, CallStatus } from './calls.table.ts';

/** What an applicant may send: each application mails a receipt. */
export const CALL_LIMITS = {
  // Applying to a call (and changing or withdrawing) mails the applicant a receipt.
  callApplicationPerMember: { name: 'call-application:member', limit: 20, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

// Applying to a call: one transaction per change, under the call's row lock, so a municipality's quota
// is counted and used without interleaving. Members change or withdraw their application until the
// deadline (and after it when the editors ask for a revision); editors review, and every decision is
// mailed to the applicant with the editor's note.

export type CallContext = RegistrationContext;

export type ApplicationInput = { city: string; country: string; organisation: string; proposal: string; answers: string[] };

/** Whether a call takes applications at `now`. */
export function callState(call: { status: CallStatus; deadline: Date }, now: Date): 'open' | 'draft' | 'closed' {
  if (call.status === 'draft') return 'draft';
  return call.status === 'open' && now < call.deadline ? 'open' : 'closed';
}

export type ApplyOutcome =
  | { ok: true; created: boolean }
  | { ok: false; reason: 'not-found' | 'closed' | 'decided' | 'municipality-full'; limit?: number }
  | { ok: false; reason: 'rate-limited'; retryAfter: number };

export async function submitApplication(
  ctx: CallContext,
  user: CurrentUser,
  callId: number,
  input: ApplicationInput,
  now = new Date(),
): Promise<ApplyOutcome> {
  return ctx.db.transaction().execute(async (trx): Promise<ApplyOutcome> => {
    const call = await q.lockCall(trx, callId);
    if (!call || call.status === 'draft') return { ok: false, reason: 'not-found' };
    const existing = await q.findApplication(trx, callId, user.id);
    if (existing && (existing.status === 'accepted' || existing.status === 'rejected')) return { ok: false, reason: 'decided' };
    // A revision the editors asked for may come after the deadline; anything else must come before it.
    if (callState(call, now) !== 'open' && existing?.status !== 'revision_requested') return { ok: false, reason: 'closed' };
    const cityId = await findOrAddCity(trx, input.country, input.city);
    if (call.per_municipality !== null && (await q.countActiveFromMunicipality(trx, callId, cityId, user.id)) >= call.per_municipality) {
      return { ok: false, reason: 'municipality-full', limit: call.per_municipality };
    }
    const limit = await consumeRateLimits(trx, [{ rule: CALL_LIMITS.callApplicationPerMember, subject: String(user.id) }]);
    if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limit.retryAfter };
    const resubmitted = !existing || existing.status === 'withdrawn' || existing.status === 'revision_requested';
    const status: ApplicationStatus = resubmitted ? 'submitted' : existing.status;
    const id = await q.upsertApplication(
      trx,
      callId,
      user.id,
      { cityId, countryCode: input.country, organisation: input.organisation, proposal: input.proposal, answers: input.answers },
      status,
    );
    if (resubmitted) await q.addHistory(trx, id, user.id, 'submitted', '');
    await mailApplicant(trx, ctx, call.slug, id, existing ? 'updated' : 'received', '');
    return { ok: true, created: !existing };
  });
}

export async function withdrawApplication(ctx: CallContext, user: CurrentUser, callId: number, now = new Date()): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const call = await q.lockCall(trx, callId);
    const existing = call ? await q.findApplication(trx, callId, user.id) : undefined;
    if (!call || !existing || ['accepted', 'rejected', 'withdrawn'].includes(existing.status)) return false;
    if (callState(call, now) !== 'open' && existing.status !== 'revision_requested') return false;
    await q.setApplicationStatus(trx, existing.id, 'withdrawn', false);
    await q.addHistory(trx, existing.id, user.id, 'withdrawn', '');
    return true;
  });
}

export const REVIEW_DECISIONS = ['in_review', 'revision_requested', 'accepted', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** An editor's decision with a note; everything but "in review" is mailed to the applicant with the note. */
export async function reviewApplication(
  ctx: CallContext & { user: CurrentUser },
  applicationId: number,
  decision: ReviewDecision,
  note: string,
): Promise<'saved' | 'not-found' | 'forbidden' | 'withdrawn'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return ctx.db.transaction().execute(async (trx) => {
    const application = await q.findApplicationById(trx, applicationId);
    if (!application) return 'not-found';
    const call = await q.lockCall(trx, application.call_id);
    if (!call) return 'not-found';
    if (application.status === 'withdrawn') return 'withdrawn';
    await q.setApplicationStatus(trx, applicationId, decision, decision === 'accepted' || decision === 'rejected');
    await q.addHistory(trx, applicationId, ctx.user.id, decision, note);
    if (decision !== 'in_review') await mailApplicant(trx, ctx, call.slug, applicationId, decision, note);
    return 'saved';
  });
}

/** Registers every accepted applicant for the call's event in one step (ADR 008: never over capacity). */
export async function registerAcceptedForEvent(ctx: CallContext & { user: CurrentUser }, callId: number) {
  if (!can(ctx.user, 'edit-content')) return 'forbidden' as const;
  const call = await q.lockCall(ctx.db, callId);
  if (!call?.event_id) return 'no-event' as const;
  const accepted = await q.listAcceptedApplicants(ctx.db, callId);
  const result = await enrolParticipants(
    ctx,
    call.event_id,
    accepted.map((a) => ({ userId: a.user_id, cityId: a.city_id, countryCode: a.country_code })),
  );
  return result ?? ('no-event' as const);
}

type ApplicantMail = 'received' | 'updated' | Exclude<ReviewDecision, 'in_review'>;

async function mailApplicant(trx: Database, ctx: CallContext, callSlug: string, applicationId: number, kind: ApplicantMail, note: string) {
  const application = await q.findApplicationById(trx, applicationId);
  const member = application ? await findReachableMember(trx, application.user_id) : undefined;
  if (!application || !member) return;
  const locale: Locale = isLocale(member.locale) ? member.locale : 'en';
  const call = await q.findCallBySlug(trx, callSlug);
  const text = call?.texts.find((t) => t.locale === locale) ?? call?.texts.find((t) => t.locale === 'en') ?? call?.texts[0];
  const { t } = getI18n(locale);
  const title = text?.title ?? callSlug;
  const mail = renderNoticeMail(locale, {
    subject: t(`calls.mail.${kind}.subject`, { title }),
    name: member.name,
    paragraphs: [t(`calls.mail.${kind}.body`, { title })],
    ...(note ? { quote: note } : {}),
    link: `${ctx.baseUrl}/${locale}/calls/${callSlug}`,
    action: t('calls.mail.open'),
    footer: t('calls.mail.footer'),
  });
  await queueMail(trx, { to: member.email, ...mail });
}
