import { z } from 'zod';

// The shapes POST /api/v1/mail-events accepts (docs/newsletter.md#bounces): our own generic one, Amazon
// SES notifications delivered by SNS, and Postmark's bounce webhook. Providers add fields over time:
// only what we read is checked, the rest is let through.

const address = z.string().trim().max(320);

/** `{"type":"bounce|complaint","email","permanent":true}`; a bounce without `permanent` counts as transient. */
export const genericMailEvent = z.strictObject({
  type: z.enum(['bounce', 'complaint']).meta({ description: 'What happened to a mail sent to this address.' }),
  email: address.pipe(z.email('not an e-mail address')).meta({ description: 'The recipient’s address (matched without regard to case).' }),
  permanent: z
    .boolean()
    .default(false)
    .meta({ description: 'For a bounce: true when the address does not exist (hard bounce). Transient bounces change nothing.' }),
});
export const genericMailEvents = z.union([genericMailEvent, z.array(genericMailEvent).min(1).max(1000)]);

/** The SNS envelope: `Message` holds the SES notification as JSON text. */
export const snsEnvelope = z.looseObject({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  TopicArn: z.string().max(500),
  Message: z.string().max(1_000_000).optional(),
});

const recipients = (key: string) => z.array(z.looseObject({ [key]: address })).max(1000);

/** An SES notification (`notificationType`) or SES event-publishing record (`eventType`). */
export const sesNotification = z
  .looseObject({
    notificationType: z.string().max(50).optional(),
    eventType: z.string().max(50).optional(),
    bounce: z.looseObject({ bounceType: z.string().max(50), bouncedRecipients: recipients('emailAddress') }).optional(),
    complaint: z.looseObject({ complainedRecipients: recipients('emailAddress') }).optional(),
  })
  .refine((n) => n.notificationType ?? n.eventType, 'neither notificationType nor eventType');

/** Postmark's bounce and spam-complaint webhooks. */
export const postmarkEvent = z.looseObject({
  RecordType: z.string().max(50).optional(),
  Type: z.string().max(50),
  Email: address,
});
