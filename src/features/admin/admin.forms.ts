import { z } from 'zod';

const page = z.coerce.number().int().min(1).max(10_000).catch(1);

/** Query strings are parsed leniently: a bad value falls back to its default instead of failing the page. */
export const userListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(['member', 'editor', 'admin']).optional().catch(undefined),
  page,
});

export const auditQuery = z.object({
  action: z
    .string()
    .regex(/^account\.[a-z-]+$/)
    .optional()
    .catch(undefined),
  page,
});

export const roleForm = z.object({ role: z.enum(['member', 'editor', 'admin'], { error: 'invalid' }) });
export const disableForm = z.object({ disabled: z.enum(['yes', 'no'], { error: 'invalid' }) });
export const userIdParam = z.coerce.number().int().positive().max(2_147_483_647);
