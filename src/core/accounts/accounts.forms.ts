import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { lineField } from '../../platform/ui/line-field.ts';
import { PASSWORD_MAX } from './passwords.service.ts';

// Messages are keys under `forms.errors.` in the catalogs.
const email = z.string({ error: 'required' }).trim().min(1, 'required').max(254, 'tooLong').email('email').toLowerCase();
const name = lineField(120, { required: true });
const password = z
  .string({ error: 'required' })
  .min(1, 'required')
  .max(PASSWORD_MAX * 4, 'passwordTooLong');

export const registerForm = z.object({
  name,
  email,
  password,
  locale: z.enum(LOCALES, { error: 'invalid' }),
  privacy: z.literal('yes', { error: 'consentRequired' }),
});
export type RegisterForm = z.infer<typeof registerForm>;

export const signInForm = z.object({ email, password, next: z.string().max(500).optional() });
export type SignInForm = z.infer<typeof signInForm>;

export const emailOnlyForm = z.object({ email });

export const resetPasswordForm = z.object({ token: z.string().max(100), password });
export const changePasswordForm = z.object({ currentPassword: password, newPassword: password });
export const changeEmailForm = z.object({ email, password });
export const deleteAccountForm = z.object({ deletePassword: password });
