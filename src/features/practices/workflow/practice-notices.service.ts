import { findReachableMember, listEditorialTeam, type ReachableMember } from '../../../core/accounts/members.service.ts';
import { queueMail } from '../../../core/mail/mail.service.ts';
import { renderNoticeMail } from '../../../core/mail/notice.templates.tsx';
import type { Database } from '../../../platform/db/client.ts';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { contentTitle, type PracticeContent } from '../record/practice-content.model.ts';

// The mails of the review workflow. Queued in the caller's transaction (the jobs table is the outbox),
// so a decision and its notice are saved together or not at all. Each goes out in its reader's language.

export type NoticeEvent = 'submitted' | 'resubmitted' | 'changes_requested' | 'published' | 'rejected' | 'archived';

async function send(
  db: Database,
  to: ReachableMember,
  event: NoticeEvent,
  content: PracticeContent,
  link: (l: Locale) => string,
  comment: string,
) {
  const locale: Locale = isLocale(to.locale) ? to.locale : 'en';
  const { t } = getI18n(locale);
  const title = contentTitle(content, locale) || '—';
  const mail = renderNoticeMail(locale, {
    subject: t(`practiceWorkflow.mail.${event}.subject`, { title }),
    name: to.name,
    paragraphs: [t(`practiceWorkflow.mail.${event}.intro`, { title })],
    quote: comment.trim() || undefined,
    link: link(locale),
    action: t(`practiceWorkflow.mail.${event}.action`),
  });
  await queueMail(db, { to: to.email, ...mail });
}

/**
 * Tells the people who must act or who waited for a decision: editors when something is submitted, the
 * author after a decision. Nobody is told about their own action.
 */
export async function notifyWorkflow(
  db: Database,
  input: {
    event: NoticeEvent;
    practiceId: number;
    slug: string;
    authorUserId: number | null;
    actorUserId: number;
    content: PracticeContent;
    comment: string;
    baseUrl: string;
  },
): Promise<void> {
  if (input.event === 'submitted' || input.event === 'resubmitted') {
    const link = (l: Locale) => `${input.baseUrl}/${l}/editor/practices/${input.practiceId}`;
    for (const editor of await listEditorialTeam(db)) {
      if (editor.id !== input.actorUserId) await send(db, editor, input.event, input.content, link, '');
    }
    return;
  }
  if (!input.authorUserId || input.authorUserId === input.actorUserId) return;
  const author = await findReachableMember(db, input.authorUserId);
  if (!author) return;
  const link = (l: Locale) =>
    input.event === 'published'
      ? `${input.baseUrl}/${l}/practices/${input.slug}`
      : `${input.baseUrl}/${l}/my/practices/${input.practiceId}`;
  await send(db, author, input.event, input.content, link, input.comment);
}
