import type { I18n } from '../../platform/i18n/i18n.ts';

type OutboxRow = { id: string; to_address: string; subject: string; created_at: Date };
type OutboxMessage = OutboxRow & { text_body: string; headers: Record<string, string> };

export function OutboxPage({ i18n, messages }: { i18n: I18n; messages: OutboxRow[] }) {
  const { t } = i18n;
  return (
    <>
      <h1>{t('devmail.title')}</h1>
      <p class="lead">{t('devmail.intro')}</p>
      {messages.length === 0 ? (
        <p class="empty">{t('devmail.empty')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('devmail.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('devmail.when')}</th>
              <th scope="col">{t('devmail.to')}</th>
              <th scope="col">{t('devmail.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr>
                <td>{m.created_at.toISOString().replace('T', ' ').slice(0, 19)}</td>
                <td dir="ltr">{m.to_address}</td>
                <td>
                  <a href={`/dev/mail/${m.id}`}>{m.subject}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function OutboxMessagePage({ i18n, message }: { i18n: I18n; message: OutboxMessage }) {
  const { t } = i18n;
  return (
    <>
      <p>
        <a href="/dev/mail">{t('devmail.back')}</a>
      </p>
      <h1>{message.subject}</h1>
      <dl class="facts">
        <dt>{t('devmail.to')}</dt>
        <dd dir="ltr">{message.to_address}</dd>
        {Object.entries(message.headers).map(([name, value]) => (
          <>
            <dt dir="ltr">{name}</dt>
            <dd dir="ltr">{value}</dd>
          </>
        ))}
      </dl>
      <p>
        <a href={`/dev/mail/${message.id}/html`}>{t('devmail.html')}</a>
      </p>
      <h2>{t('devmail.text')}</h2>
      <pre class="mail-text" dir="auto">
        {message.text_body}
      </pre>
    </>
  );
}
