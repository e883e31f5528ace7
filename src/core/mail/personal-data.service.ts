import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './personal-data.queries.ts';

// The outbox (where mail goes without SMTP_URL: a demo or a development machine) keeps whole messages.
// It has no column that refers to users, so the registry's table check cannot see it: the hooks find
// the messages by the account's address, read before the account is anonymised.

export const mailPersonalData: PersonalDataHooks = {
  tables: [],
  exportData: async (trx, userId) => {
    const address = await q.findAddressOfUser(trx, userId);
    const messages = address ? await q.listOutboxMessagesTo(trx, address) : [];
    return { mailKept: messages.map((m) => ({ subject: m.subject, at: m.created_at, via: m.transport })) };
  },
  eraseData: async (trx, userId) => {
    const address = await q.findAddressOfUser(trx, userId);
    if (address) await q.deleteOutboxMessagesOf(trx, address);
  },
};
