import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { insertEdition, replaceEditionItems, saveEditionTranslation } from '../../src/features/newsletter/editions/editions.queries.ts';
import { SECTION_KINDS } from '../../src/features/newsletter/newsletter.model.ts';
import type { EditionAudience } from '../../src/features/newsletter/newsletter.table.ts';
import type { Database } from '../../src/platform/db/client.ts';

// For the sending tests and the benchmark: subscribers and a ready edition written straight into the
// database, and a real SMTP server on 127.0.0.1 that can answer 451 or 550 on purpose.

export type TestSubscriber = { email: string; locale: string; status?: string; paused?: boolean; themes?: string[]; regions?: string[] };

export async function insertSubscribers(db: Database, subscribers: TestSubscriber[]): Promise<void> {
  if (subscribers.length === 0) return;
  await db
    .insertInto('newsletter_subscribers')
    .values(
      subscribers.map((s) => ({
        email: s.email,
        locale: s.locale,
        status: (s.status ?? 'confirmed') as 'confirmed',
        token: randomBytes(16).toString('hex'),
        themes: s.themes ?? [],
        regions: s.regions ?? [],
        consent_version: '2026-12',
        consented_at: new Date(),
        confirmed_at: s.status && s.status !== 'confirmed' ? null : new Date(),
        paused_at: s.paused ? new Date() : null,
      })),
    )
    .execute();
}

/** `count` confirmed subscribers generated in one statement, languages in turn. */
export async function generateSubscribers(db: Database, count: number, prefix = 'reader'): Promise<void> {
  await sql`insert into newsletter_subscribers (email, locale, status, token, consent_version, consented_at, confirmed_at)
    select ${prefix} || '-' || g || '@bench.example', (array['en','de','fr','es','ar'])[1 + g % 5], 'confirmed',
           md5(${prefix} || g::text || random()::text), '2026-12', now(), now()
    from generate_series(1, ${count}) g`.execute(db);
}

/**
 * A ready edition written in `locales` (subject "Edition <number> <locale>"), one free item per section,
 * its title and text ("Item <locale>", "Text <locale>") in `itemLocales` (default: the edition's).
 */
export async function insertReadyEdition(
  db: Database,
  options: { number: number; locales: string[]; itemLocales?: string[]; audience?: EditionAudience; status?: 'ready' | 'draft' },
): Promise<number> {
  const id = await insertEdition(db, {
    number: options.number,
    date: '2026-12-01',
    status: options.status ?? 'ready',
    audience: options.audience ?? {},
  });
  for (const locale of options.locales) {
    await saveEditionTranslation(db, id, locale, {
      subject: `Edition ${options.number} ${locale}`,
      preheader: `Preheader ${locale}`,
      editorial: `Editorial in ${locale}.`,
    });
  }
  const translations = Object.fromEntries(
    (options.itemLocales ?? options.locales).map((l) => [l, { title: `Item ${l}`, text: `Text ${l}` }]),
  );
  await replaceEditionItems(
    db,
    id,
    SECTION_KINDS.map((section) => ({ section, ref: null, url: 'https://example.org/item', translations })),
  );
  return id;
}

/** `raw` as it was sent; `decoded` with quoted-printable undone (enough to search the parts for text). */
export type ReceivedMail = { to: string; raw: string; decoded: string; messageId: string; subject: string };

export function decodeQuotedPrintable(raw: string): string {
  const bytes = Buffer.from(raw.replace(/=\r?\n/g, ''), 'latin1');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes[i] === 0x3d ? bytes.subarray(i + 1, i + 3).toString('latin1') : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i] as number);
  }
  return Buffer.from(out).toString('utf8');
}

/** Headers unfolded, quoted-printable soft breaks removed: enough to find a token or a subject. */
export function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
}

/** The message with its base64 and quoted-printable parts decoded. */
export function decodeParts(latin1: string): string {
  const base64 = latin1.replace(
    /(Content-Transfer-Encoding: base64\r?\n\r?\n)([A-Za-z0-9+/=\r\n]+)/gi,
    (_m, head: string, body: string) => head + Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('latin1'),
  );
  return decodeQuotedPrintable(base64);
}

export type TestSmtp = {
  url: string;
  received: ReceivedMail[];
  /** Answers 451 to this recipient's next `n` messages. */
  deferNext: (to: string, n: number) => void;
  /** Answers 550 to every message to this recipient. */
  reject: (to: string) => void;
  /** Drops the connection without an answer on this recipient's next message: at RCPT TO, or once the whole message arrived. */
  dropNext: (to: string, at: 'rcpt' | 'data') => void;
  close: () => Promise<void>;
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const deferrals = new Map<string, number>();
  const rejected = new Set<string>();
  const drops = new Map<string, 'rcpt' | 'data'>();
  // smtp-server has no call for it: the session's connection is found among the server's own.
  const dropConnection = (sessionId: string) => {
    const connections = (server as unknown as { connections: Set<{ id: string; _socket: { destroy: () => void } }> }).connections;
    for (const c of connections) if (c.id === sessionId) c._socket.destroy();
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, session, callback) {
      if (drops.get(address.address) === 'rcpt') {
        drops.delete(address.address);
        return dropConnection(session.id);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0]?.address ?? '';
        if (drops.get(to) === 'data') {
          drops.delete(to);
          return dropConnection(session.id);
        }
        const left = deferrals.get(to) ?? 0;
        if (left > 0) {
          deferrals.set(to, left - 1);
          return callback(Object.assign(new Error(`4.2.0 <${to}> try again later`), { responseCode: 451 }));
        }
        if (rejected.has(to)) return callback(Object.assign(new Error(`5.1.1 <${to}>: mailbox unknown`), { responseCode: 550 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to,
          raw,
          decoded: decodeParts(Buffer.concat(chunks).toString('latin1')),
          messageId: headerOf(raw, 'Message-ID'),
          subject: headerOf(raw, 'Subject'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    deferNext: (to, n) => deferrals.set(to, n),
    reject: (to) => rejected.add(to),
    dropNext: (to, at) => drops.set(to, at),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
