import { readFileSync } from 'node:fs';
import { claimDemoAccount } from '../../core/accounts/demo-accounts.service.ts';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importExperts } from './import/experts.import.ts';

// The demo experts, in the exchange format (docs/import-format.md): each gets a member account without
// password for its address, as an import gives them. An import alone leaves them unreachable (the relay
// never mails an address that was only imported), so the demo then counts their accounts as claimed:
// their addresses are on a reserved example domain, and mail to them lands in the outbox, where the
// contact relay can be tried end to end. Still no password: nobody signs in as a demo expert.

export const expertsDemo: DemoSeedStep[] = [
  {
    name: 'demo-experts',
    load: async (trx) => {
      const { experts } = JSON.parse(readFileSync(new URL('./demo/demo-experts.json', import.meta.url), 'utf8')) as {
        experts: Array<{ email?: string }>;
      };
      const rejected = (await importExperts(trx, experts)).filter((r) => r.outcome === 'rejected');
      if (rejected.length) throw new Error(`Demo experts rejected: ${JSON.stringify(rejected)}`);
      for (const { email } of experts) if (email) await claimDemoAccount(trx, email);
    },
  },
];
