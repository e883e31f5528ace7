import type { I18n } from '../i18n/i18n.ts';

// The page every error answers with, in the request's language; never a stack trace.

export type ErrorKind =
  | 'notFound'
  | 'badRequest'
  | 'serverError'
  | 'signInRequired'
  | 'forbidden'
  | 'verifyFirst'
  | 'csrf'
  | 'tooManyRequests';

export function ErrorPage({ i18n, kind, retryMinutes }: { i18n: I18n; kind: ErrorKind; retryMinutes?: number }) {
  return (
    <>
      <h1>{i18n.t(`errors.${kind}.title`)}</h1>
      <p class="lead">{i18n.t(`errors.${kind}.text`, { minutes: retryMinutes ?? 1 })}</p>
      {kind === 'signInRequired' || kind === 'csrf' ? (
        <p>
          <a href={`/${i18n.locale}/sign-in`}>{i18n.t('errors.signIn')}</a>
        </p>
      ) : null}
      {kind === 'verifyFirst' ? (
        <p>
          <a href={`/${i18n.locale}/account`}>{i18n.t('errors.toAccount')}</a>
        </p>
      ) : null}
      <p>
        <a href={`/${i18n.locale}/`}>{i18n.t('errors.backHome')}</a>
      </p>
    </>
  );
}
