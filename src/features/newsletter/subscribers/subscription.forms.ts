import { z } from 'zod';
import { LOCALES } from '../../../platform/i18n/locales.ts';

// The subscription's forms. Messages are keys under `subscription.errors.` (the views translate them).

/** The longest address the form takes (RFC 5321's limit for a path). */
export const EMAIL_MAX = 254;

/** The theme and region slugs the taxonomy knows: interests must be among them. */
export type KnownInterests = { themes: ReadonlySet<string>; regions: ReadonlySet<string> };

const asList = (value: unknown) => (Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []);

/** Ticked checkboxes (none, one or several); a slug the taxonomy does not know is refused, never dropped silently. */
function slugList(known: ReadonlySet<string>) {
  return z.preprocess(asList, z.array(z.string().refine((slug) => known.has(slug), 'unknownChoice')).max(100, 'unknownChoice'));
}

export const emailField = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z.string().min(1, 'required').max(EMAIL_MAX, 'tooLong').pipe(z.email('email')),
);

export const localeField = z.enum(LOCALES, { error: 'locale' });

/** The newsletter's language and interests: what the subscriber may change at any time. */
export function preferencesFields(known: KnownInterests) {
  return { locale: localeField, themes: slugList(known.themes), regions: slugList(known.regions) };
}

/** The subscribe form (the newsletter page's and every footer's). */
export function subscribeForm(known: KnownInterests) {
  return z.object({
    email: emailField,
    ...preferencesFields(known),
    consent: z.literal('yes', { error: 'consentRequired' }),
    source: z.preprocess((value) => (value === 'footer' ? 'footer' : 'page'), z.enum(['page', 'footer'])),
  });
}
export type SubscribeInput = z.infer<ReturnType<typeof subscribeForm>>;

/** What a subscriber does on the preference page or in their account's section. */
export const PREFERENCE_ACTIONS = ['save', 'pause', 'resume', 'unsubscribe', 'delete'] as const;
export type PreferenceAction = (typeof PREFERENCE_ACTIONS)[number];

export const preferenceActionField = z.enum(PREFERENCE_ACTIONS, { error: 'invalid' });

export function preferencesForm(known: KnownInterests) {
  return z.object(preferencesFields(known));
}
export type PreferencesInput = z.infer<ReturnType<typeof preferencesForm>>;

/** A member subscribes from their account: the address is the account's, the consent theirs to give. */
export function accountSubscribeForm(known: KnownInterests) {
  return z.object({ ...preferencesFields(known), consent: z.literal('yes', { error: 'consentRequired' }) });
}

/** The token in a personal link: 32 random bytes in base64url (anything else is no subscriber's). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
