// Events happen at an instant, in a place with an IANA time zone (ADR 008). Editors and import files
// speak in wall-clock times of that zone ("10:00 in Amman"); the database stores instants; pages show
// both the event's zone and the reader's. Node's ICU time-zone data does the arithmetic: no library.

const zoneCache = new Map<string, boolean>();

/** Whether `name` is an IANA time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
  let known = zoneCache.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name);
    } catch {
      known = false;
    }
    zoneCache.set(name, known);
  }
  return known;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `instant`, in minutes (Amman in winter: +180; Quito: -300). */
export function offsetMinutes(instant: Date, zone: string): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock time ("2026-03-29T02:30") names in `zone`. Around a daylight-saving change a
 * wall-clock time can be missing (spring: 02:30 does not happen in Berlin; it means 03:30, as clocks
 * and calendar programs read it) or occur twice (autumn: the first, summer-time one is taken).
 * Returns null for a malformed time.
 */
export function wallClockToInstant(wallClock: string, zone: string): Date | null {
  const m = WALL_CLOCK.exec(wallClock);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return null;
  // Try the offsets in force just before and just after; the earlier instant that shows this wall
  // clock wins (autumn); if none shows it, the time fell in the spring gap: move it forward by the gap.
  const before = offsetMinutes(new Date(asUtc - 86_400_000), zone);
  const after = offsetMinutes(new Date(asUtc + 86_400_000), zone);
  const candidates = [...new Set([before, after])].map((o) => asUtc - o * 60_000).sort((a, b) => a - b);
  for (const t of candidates) if (offsetMinutes(new Date(t), zone) * 60_000 === asUtc - t) return new Date(t);
  return new Date(asUtc - Math.min(before, after) * 60_000);
}

/** The wall-clock time of `instant` in `zone`, as "YYYY-MM-DDTHH:mm" (for forms and exports). */
export function instantToWallClock(instant: Date, zone: string): string {
  const local = new Date(instant.getTime() + offsetMinutes(instant, zone) * 60_000);
  return local.toISOString().slice(0, 16);
}

/** ISO 8601 with the zone's offset ("2026-11-24T10:00:00+03:00"): an instant that still reads as local. */
export function isoWithOffset(instant: Date, zone: string): string {
  const offset = offsetMinutes(instant, zone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Whether `value` is a real calendar day written YYYY-MM-DD. Forms and imports check days with it:
 * `new Date('2024-13-45…')` is an Invalid Date whose toISOString() throws, and a throw inside a zod
 * refine escapes safeParse (a 500, or an import aborted instead of one record rejected).
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  // 2021-02-30 parses as 2 March: the day must come back as written.
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
}

/** The calendar day (YYYY-MM-DD) of `instant` in `zone`. */
export function dayInZone(instant: Date, zone: string): string {
  return instantToWallClock(instant, zone).slice(0, 10);
}
