import { defineModule } from '../../platform/module.ts';
import { devMailRoutes } from './mail.routes.ts';
import { mailJobHandlers } from './mail.service.ts';
import { createMailTransport } from './mail-transport.service.ts';
import { mailPersonalData } from './personal-data.service.ts';

// Outgoing mail: queued in the database, sent by the worker over SMTP or kept in the outbox.
export default defineModule({
  name: 'mail',
  rootRoutes: [{ path: '/dev/mail', routes: devMailRoutes, devOnly: true }],
  jobs: ({ db, config, metrics }) => {
    const transport = createMailTransport({ db, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
    return { handlers: mailJobHandlers(transport, metrics), describe: { mail: transport.kind }, close: () => transport.close() };
  },
  messages: new URL('./messages/', import.meta.url),
  personalData: mailPersonalData,
});
