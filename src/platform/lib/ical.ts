// Minimal iCalendar (RFC 5545) writer for event feeds and invitations.
// Dependency-free on purpose: we only ever *write* a small, fixed subset of the format.

export type CalendarEvent = {
  uid: string; // globally unique, e.g. "event-42@peers.example.org"
  url: string; // absolute URL of the event page
  title: string;
  description: string; // plain text, any Unicode, may contain newlines/commas/semicolons/backslashes
  location: string; // '' = omit LOCATION
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date; // LAST-MODIFIED
  status: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  sequence: number; // must increase on every significant change, or clients ignore updates
  categories?: string[];
};

type Person = { name: string; email: string };

const CRLF = '\r\n';
const MAX_OCTETS = 75; // RFC 5545 §3.1: limit is in octets, excluding the CRLF

// Control characters would either break the line structure (CR/LF) or be rejected by strict parsers.
function stripControls(s: string, keepNewline = false): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x20 && c !== 0x7f) || (keepNewline && ch === '\n')) out += ch;
  }
  return out;
}

// TEXT value escaping (§3.3.11). Backslash first so we don't double-escape our own escapes.
function escapeText(s: string): string {
  return stripControls(s.replace(/\r\n?/g, '\n'), true)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

// Parameter values (§3.2) cannot be escaped at all: DQUOTE and controls are simply not representable,
// so drop them; quote when the value contains a delimiter that would otherwise end the parameter.
function paramValue(s: string): string {
  const v = stripControls(s).replace(/"/g, '');
  return /[:;,]/.test(v) ? `"${v}"` : v;
}

// URI values are not TEXT-escaped (a backslash-escaped comma would corrupt the URL), only sanitised.
function uri(s: string): string {
  return stripControls(s);
}

function octets(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Fold at 75 octets (§3.1). Iterating by code point guarantees a UTF-8 sequence (or a UTF-16
// surrogate pair) is never split; continuation lines start with a space, which counts toward the limit.
function fold(line: string): string {
  let out = '';
  let used = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0) ?? 0);
    if (used + n > MAX_OCTETS) {
      out += `${CRLF} `;
      used = 1;
    }
    out += ch;
    used += n;
  }
  return out + CRLF;
}

/** UTC "basic" date-time, e.g. 20261124T090000Z. UTC avoids shipping VTIMEZONE blocks and DST ambiguity. */
export function icsDateTime(d: Date): string {
  const iso = d.toISOString(); // throws RangeError on an invalid Date, which is what we want
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`Date outside iCalendar range: ${iso}`);
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function person(prop: 'ORGANIZER' | 'ATTENDEE', p: Person, extra = ''): string {
  return `${prop};CN=${paramValue(p.name)}${extra}:mailto:${uri(p.email)}`;
}

const UTC_TIME_ZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:UTC',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0000',
  'TZNAME:UTC',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function renderCalendar(options: {
  name: string;
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  events: CalendarEvent[];
  now?: Date;
  organizer?: Person; // iTIP (RFC 5546) requires it for REQUEST and CANCEL
  attendee?: Person;
}): string {
  const method = options.method ?? 'PUBLISH';
  const stamp = icsDateTime(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Peerpolis//Events//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    `NAME:${escapeText(options.name)}`, // RFC 7986
    `X-WR-CALNAME:${escapeText(options.name)}`, // what Apple/Google/Outlook actually display
  ];

  for (const e of options.events) {
    if (!Number.isInteger(e.sequence) || e.sequence < 0) throw new RangeError(`Invalid SEQUENCE: ${e.sequence}`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsDateTime(e.startsAt)}`,
      `DTEND:${icsDateTime(e.endsAt)}`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
    );
    if (e.location !== '') lines.push(`LOCATION:${escapeText(e.location)}`);
    lines.push(
      `URL:${uri(e.url)}`,
      // A CANCEL message must mark the event cancelled, or some clients keep it on the calendar.
      `STATUS:${method === 'CANCEL' ? 'CANCELLED' : e.status}`,
      `SEQUENCE:${e.sequence}`,
      `LAST-MODIFIED:${icsDateTime(e.updatedAt)}`,
    );
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    if (options.organizer) lines.push(person('ORGANIZER', options.organizer));
    if (options.attendee) lines.push(person('ATTENDEE', options.attendee, ';ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE'));
    lines.push('END:VEVENT');
  }

  // RFC 5545 (3.6) wants at least one component; a feed can be empty (a theme without events yet).
  // Our times are all UTC, so the UTC time zone is the one component that says nothing untrue.
  if (options.events.length === 0) lines.push(...UTC_TIME_ZONE);
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('');
}
