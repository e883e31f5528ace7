import { isTimeZone, offsetMinutes } from './time-zones.ts';

// The time zones a form offers: the zones of the network's regions first, then every IANA zone the
// runtime knows (Node's full ICU), so nobody types "Europe/Berlin" by hand.

/** The zones events and calls of the network happen in most, in the order a list shows them. */
export const COMMON_TIME_ZONES = [
  ...['Europe/Berlin', 'Europe/Brussels', 'Europe/Paris', 'Europe/Madrid', 'Europe/London', 'Europe/Belgrade', 'Europe/Sarajevo'],
  ...['Europe/Skopje', 'Europe/Tirane', 'Europe/Istanbul', 'Asia/Tbilisi', 'Asia/Yerevan', 'Asia/Amman', 'Asia/Beirut'],
  ...['Asia/Baghdad', 'Africa/Cairo', 'Africa/Tunis', 'Africa/Casablanca', 'Africa/Lagos', 'Africa/Accra', 'Africa/Nairobi'],
  ...['Africa/Johannesburg', 'America/Mexico_City', 'America/Guatemala', 'America/Bogota', 'America/Lima', 'America/Sao_Paulo'],
  ...['Asia/Kolkata', 'Asia/Bangkok', 'Asia/Jakarta', 'Asia/Manila', 'UTC'],
].filter(isTimeZone);

let all: string[] | undefined;

/** Every zone the runtime knows, UTC included (Intl lists it under Etc only in some versions). */
export function allTimeZones(): string[] {
  all ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].filter(isTimeZone).sort();
  return all;
}

/** "UTC+05:30", "UTC−03:00", "UTC": the zone's offset at `at`, for a list to show next to its name. */
export function offsetLabel(zone: string, at: Date): string {
  const minutes = offsetMinutes(at, zone);
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '−' : '+'}${hh}:${mm}`;
}
