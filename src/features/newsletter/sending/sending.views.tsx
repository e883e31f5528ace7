import type { I18n } from '../../../platform/i18n/i18n.ts';
import { EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { CsrfField, describedByOf } from '../../../platform/ui/forms.tsx';
import { TimeZoneSelect } from '../../../platform/ui/time-zone-field.tsx';
import type { EditionStatus } from '../newsletter.model.ts';
import type { SendingProgress } from './sending.service.ts';

// The sending page of an edition: start now or schedule a ready one; while it goes out, progress,
// pause, resume and cancel; afterwards the totals and the uncertain deliveries with their button.

export type SendingPageProps = {
  i18n: I18n;
  csrfToken: string;
  number: number;
  status: EditionStatus;
  scheduledAt: Date | null;
  timeZone: string;
  /** Why a draft cannot go yet (already translated). */
  problems: string[];
  progress: SendingProgress;
  notice?: string;
  schedule: { values: { at?: string; timeZone?: string }; error?: string };
};

function ActionButton(props: { action: string; csrfToken: string; label: string; hidden?: Record<string, string>; secondary?: boolean }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrfToken} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.secondary ? 'button secondary' : 'button'}>
        {props.label}
      </button>
    </form>
  );
}

function Progress({ i18n, progress, status }: { i18n: I18n; progress: SendingProgress; status: EditionStatus }) {
  const { t, formatNumber } = i18n;
  const p = progress;
  const done = p.sent + p.failed + p.uncertain + p.cancelled;
  return (
    <section aria-labelledby="sending-progress">
      <h2 id="sending-progress">{t('newsletterSending.progress')}</h2>
      <progress id="sending-bar" max={Math.max(1, p.total)} value={done} aria-describedby="sending-summary">
        {`${done}/${p.total}`}
      </progress>
      <p id="sending-summary">{t('newsletterSending.sentOf', { sent: p.sent, total: p.total })}</p>
      <dl class="facts">
        <dt>{t('newsletterSending.queued')}</dt>
        <dd>{formatNumber(p.queued + p.sending)}</dd>
        <dt>{t('newsletterSending.failed')}</dt>
        <dd>{formatNumber(p.failed)}</dd>
        {p.cancelled ? (
          <>
            <dt>{t('newsletterSending.cancelled')}</dt>
            <dd>{formatNumber(p.cancelled)}</dd>
          </>
        ) : null}
        {status === 'sending' ? (
          <>
            <dt>{t('newsletterSending.rate')}</dt>
            <dd>{t('newsletterSending.perSecond', { rate: p.ratePerSecond })}</dd>
            <dt>{t('newsletterSending.timeLeft')}</dt>
            <dd>{p.secondsLeft === null ? t('newsletterSending.unknown') : i18n.formatWait(p.secondsLeft)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function ScheduleForm(props: SendingPageProps & { action: string }) {
  const { i18n, schedule } = props;
  const { t } = i18n;
  const id = 'field-at';
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <fieldset>
        <legend>{t('newsletterSending.scheduleLegend')}</legend>
        <div class={schedule.error ? 'field has-error' : 'field'}>
          <label for={id}>{t('newsletterSending.at')}</label>
          {schedule.error ? (
            <p class="field-error" id={`${id}-error`}>
              {t(`newsletterSending.errors.${schedule.error}`)}
            </p>
          ) : null}
          <input
            id={id}
            name="at"
            type="datetime-local"
            required
            value={schedule.values.at ?? ''}
            aria-invalid={schedule.error ? 'true' : undefined}
            aria-describedby={describedByOf(id, { error: schedule.error })}
          />
        </div>
        <TimeZoneSelect
          i18n={i18n}
          name="timeZone"
          label={t('newsletterSending.timeZone')}
          value={schedule.values.timeZone ?? props.timeZone}
        />
        <button type="submit" class="button secondary">
          {t('newsletterSending.schedule')}
        </button>
      </fieldset>
    </form>
  );
}

export function SendingPage(props: SendingPageProps) {
  const { i18n, number, status, progress, csrfToken } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/newsletter/${number}/sending`;
  const underway = ['sending', 'paused', 'sent', 'cancelled'].includes(status);
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/newsletter/${number}`, label: t('newsletterSending.backToEdition', { number }) }}
        title={t('newsletterSending.title', { number })}
        notice={props.notice}
        lead={t(`newsletterSending.status.${status}`)}
      />
      {status === 'draft' ? (
        <section aria-labelledby="sending-problems">
          <h2 id="sending-problems">{t('newsletterSending.notReady')}</h2>
          <ul>
            {props.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {status === 'scheduled' && props.scheduledAt ? (
        <p>
          {t('newsletterSending.scheduledFor', {
            when: i18n.formatPeriodInZone(props.scheduledAt, props.scheduledAt, props.timeZone).split(' – ')[0] ?? '',
          })}
        </p>
      ) : null}
      {status === 'ready' || status === 'scheduled' ? (
        <>
          <p>{t('newsletterSending.sendNowHint')}</p>
          <p class="actions">
            <ActionButton action={`${base}/start`} csrfToken={csrfToken} label={t('newsletterSending.sendNow')} />
            {status === 'scheduled' ? (
              <ActionButton action={`${base}/unschedule`} csrfToken={csrfToken} label={t('newsletterSending.unschedule')} secondary />
            ) : null}
          </p>
          <ScheduleForm {...props} action={`${base}/schedule`} />
          {status === 'ready' ? (
            <section aria-labelledby="sending-archive">
              <h2 id="sending-archive">{t('newsletterSending.archiveTitle')}</h2>
              <p>{t('newsletterSending.archiveHint')}</p>
              <ActionButton action={`${base}/archive`} csrfToken={csrfToken} label={t('newsletterSending.archive')} secondary />
            </section>
          ) : null}
        </>
      ) : null}
      {underway ? <Progress i18n={i18n} progress={progress} status={status} /> : null}
      {status === 'sending' || status === 'paused' ? (
        <p class="actions">
          {status === 'sending' ? (
            <ActionButton action={`${base}/pause`} csrfToken={csrfToken} label={t('newsletterSending.pause')} />
          ) : (
            <ActionButton action={`${base}/resume`} csrfToken={csrfToken} label={t('newsletterSending.resume')} />
          )}
          <ActionButton action={`${base}/cancel`} csrfToken={csrfToken} label={t('newsletterSending.cancel')} secondary />
        </p>
      ) : null}
      {progress.uncertain > 0 && status !== 'cancelled' ? (
        <section aria-labelledby="sending-uncertain">
          <h2 id="sending-uncertain">{t('newsletterSending.uncertainTitle', { count: progress.uncertain })}</h2>
          <p>{t('newsletterSending.uncertainText')}</p>
          <ActionButton
            action={`${base}/uncertain`}
            csrfToken={csrfToken}
            hidden={{ count: String(progress.uncertain) }}
            label={t('newsletterSending.sendUncertain', { count: progress.uncertain })}
          />
        </section>
      ) : null}
    </>
  );
}
