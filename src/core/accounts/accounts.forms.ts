import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { lineField } from '../../platform/ui/line-field.ts';
import { findPasswordProblem, PASSWORD_MAX } from './passwords.service.ts';

// Messages are keys under `forms.errors.` in the catalogs.
const email = z.string({ error: 'required' }).trim().min(1, 'required').max(254, 'tooLong').email('email').toLowerCase();
const name = lineField(120, { required: true });
const password = z
  .string({ error: 'required' })
  .min(1, 'required')
  .max(PASSWORD_MAX * 4, 'passwordTooLong');

/** A new password: long enough and not a common one (what needs the address is checked with it). */
const newPassword = password.superRefine((value, ctx) => {
  const problem = findPasswordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

// Every field is checked in one pass, so a too-short password and a missing consent show together
// (a check after the form's, in the service, would show its message only once the others are fixed).
// The address check runs even when other fields fail (`when`), unless the password has its own error.
export const registerForm = z
  .object({
    name,
    email,
    password: newPassword,
    locale: z.enum(LOCALES, { error: 'invalid' }),
    privacy: z.literal('yes', { error: 'consentRequired' }),
  })
  .refine((f) => findPasswordProblem(f.password, { email: f.email }) === null, {
    path: ['password'],
    message: 'passwordContainsEmail',
    when: ({ value, issues }) => {
      const v = value as { password?: unknown; email?: unknown };
      return typeof v.password === 'string' && typeof v.email === 'string' && !issues.some((i) => i.path?.[0] === 'password');
    },
  });
export type RegisterForm = z.infer<typeof registerForm>;

export const signInForm = z.object({ email, password, next: z.string().max(500).optional() });
export type SignInForm = z.infer<typeof signInForm>;

export const emailOnlyForm = z.object({ email });

export const resetPasswordForm = z.object({ token: z.string().max(100), password });
export const changePasswordForm = z.object({ currentPassword: password, newPassword: password });
export const changeEmailForm = z.object({ email, password });
export const deleteAccountForm = z.object({ deletePassword: password });
