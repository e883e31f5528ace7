import { z } from 'zod';
import { loadConfig } from '../../platform/config.ts';
import type { CliCommand } from '../../platform/module.ts';
import { createOrPromoteAdmin } from './user-admin.service.ts';

/** `npm run cli -- create-admin EMAIL`: the way in for the first administrator. */
export const createAdminCommand: CliCommand = {
  summary: 'create or promote an admin: create-admin EMAIL (prints a one-time link to set a password)',
  run: async (args, { withDatabase }) => {
    const parsed = z
      .string()
      .trim()
      .toLowerCase()
      .email()
      .safeParse(args[0] ?? '');
    if (!parsed.success) throw new Error('create-admin needs an e-mail address: npm run cli -- create-admin name@example.org');
    const config = loadConfig();
    await withDatabase(async (db) => {
      const { created, link } = await createOrPromoteAdmin(db, parsed.data, config.BASE_URL);
      console.log(`${created ? 'Created' : 'Promoted'} ${parsed.data} as admin.`);
      console.log(`One-time link to set the password and sign in (valid 24 hours):\n${link}`);
    });
  },
};
