import { z } from 'zod';

// Every setting the platform reads from the environment, checked once at start-up.
// A bad value stops the process with one line that names the variable (see formatConfigError).

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .url()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    })
    .optional();

/** The address in a mailbox like `Peerpolis <no-reply@example.org>` (or the bare address). */
function addressOf(mailbox: string): string {
  return (/<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();
}

/** A regional coordinator: the region (a taxonomy slug) and the address messages to them are relayed to. */
export type RegionalCoordinator = { region: string; email: string };

// In development, one coordinator per programme region on a reserved example domain (nobody's mailbox), so
// a local demo shows the coordinators' contact and their mail lands in the outbox. Elsewhere: none unless set.
const DEMO_COORDINATORS: RegionalCoordinator[] = ['sub-saharan-africa', 'mena', 'southeast-europe-caucasus', 'latin-america', 'asia'].map(
  (region) => ({ region, email: `${region}@coordinators.peerpolis.example` }),
);

const DEMO_POSTAL_ADDRESS = 'Peerpolis demo network office · Example Street 1 · 00000 Example City';

function parseCoordinators(value: string, ctx: z.RefinementCtx): RegionalCoordinator[] {
  const coordinators: RegionalCoordinator[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [region = '', email = ''] = entry.split('=').map((part) => part.trim());
    // The message names the entry's position, never the address.
    const problem = !/^[a-z][a-z0-9-]*$/.test(region)
      ? 'needs "region=address" entries with a region slug'
      : !z.email().safeParse(email).success
        ? `has no valid address for region "${region}"`
        : coordinators.some((c) => c.region === region)
          ? `names region "${region}" twice`
          : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    coordinators.push({ region, email: email.toLowerCase() });
  }
  return coordinators;
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    BASE_URL: z.string().trim().url().optional(),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: optionalUrl(['smtp', 'smtps']),
    MAIL_FROM: z.string().trim().min(3).default('Peerpolis <no-reply@localhost>'),
    // Where the public contact form's messages to the network office go (default: MAIL_FROM's address).
    OFFICE_EMAIL: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')).optional(),
    // The regional coordinators' addresses, "region=address" separated by commas (region: a taxonomy slug).
    REGIONAL_COORDINATORS: z
      .string()
      .transform((value, ctx) => parseCoordinators(value, ctx))
      .optional(),
    // The newsletter (docs/newsletter.md): the network's postal address for every edition's footer, an
    // optional mailbox for List-Unsubscribe's mailto: form, the sending rate (messages per second over
    // all processes together is this times the number of senders) and the SMTP connections per sender.
    POSTAL_ADDRESS: z.string().trim().max(300).optional(),
    NEWSLETTER_UNSUBSCRIBE_MAILTO: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')).optional(),
    // Newsletter mails a second per sending process: with several, the total is NEWSLETTER_RATE × their number.
    NEWSLETTER_RATE: z.coerce.number().int().min(1).max(100_000).default(50),
    NEWSLETTER_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
    // The shared secret that bounce and complaint notifications (POST /api/v1/mail-events) must carry.
    MAIL_EVENTS_SECRET: z.string().min(24, 'must be at least 24 characters').optional(),
    // The bearer token Prometheus sends to GET /metrics (docs/operations.md); without it, /metrics answers
    // only requests from this machine outside production.
    METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    // The anonymous page cache (ADR 015, docs/operations.md): memory per process (0 turns it off), and how
    // long a CDN or reverse proxy in front may keep a page and then serve it stale while it asks again.
    PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    PAGE_CACHE_SHARED_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    SEED_DEMO: z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required when NODE_ENV=production' });
    }
  })
  .transform((env) => ({
    ...env,
    BASE_URL: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    OFFICE_EMAIL: env.OFFICE_EMAIL ?? addressOf(env.MAIL_FROM),
    REGIONAL_COORDINATORS: env.REGIONAL_COORDINATORS ?? (env.NODE_ENV === 'development' ? DEMO_COORDINATORS : []),
    // Demos and tests show where the footer's address goes; in production nobody may send without one.
    POSTAL_ADDRESS: env.POSTAL_ADDRESS ?? (env.NODE_ENV === 'production' ? undefined : DEMO_POSTAL_ADDRESS),
    isProduction: env.NODE_ENV === 'production',
  }));

export type Config = z.output<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError whose message is one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set": a blank line in an env file must not become a value.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    // Never echo the value: it may be a secret or a connection string with a password.
    return `Invalid configuration: ${name} ${issue.message}`;
  });
  throw new ConfigError(lines.join('\n'));
}
