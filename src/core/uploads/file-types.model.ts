// What a file is, judged by its first bytes only: the name and the browser's declared type are chosen
// by the sender and prove nothing (a program renamed "report.pdf" arrives as application/pdf).

export type SniffedType = 'pdf' | 'jpeg' | 'png' | 'webp' | 'heic' | 'svg' | 'mp4' | 'webm' | 'vtt' | 'other';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const FTYP = ascii('ftyp');
// ISO base media brands of HEIF/HEIC stills (what iPhones save by default).
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
// ISO base media brands of MP4 video (what cameras, phones, screen recorders and encoders write).
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  'mmp4',
  'MSNV',
]);
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const WEBVTT = ascii('WEBVTT');
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** WebM is Matroska with the doctype "webm", named in the EBML header within its first bytes. */
function isWebm(bytes: Uint8Array): boolean {
  return startsWith(bytes, EBML) && Buffer.from(bytes.subarray(0, 64)).toString('latin1').includes('webm');
}

/** WebVTT: "WEBVTT" first (after an optional BOM), then a space, tab or line end, and UTF-8 throughout. */
function isWebVtt(bytes: Uint8Array): boolean {
  const start = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  if (!startsWith(bytes, WEBVTT, start)) return false;
  const next = bytes[start + WEBVTT.length];
  if (next !== undefined && next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

/** SVG is refused by name, so the message can say why (it can carry scripts). */
function looksLikeSvg(bytes: Uint8Array): boolean {
  // Also catches "<svg:svg" and an SVG behind an XML declaration, doctype or comments.
  return Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase().includes('<svg');
}

/**
 * The type the first bytes prove. PDF must start with "%PDF-" at offset 0 (readers tolerate junk before
 * it, which is exactly how polyglot files hide a program in front of a document).
 */
export function sniffFileType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'webp';
  if (startsWith(bytes, FTYP, 4)) {
    const brand = Buffer.from(bytes.subarray(8, 12)).toString('latin1');
    if (HEIF_BRANDS.has(brand)) return 'heic';
    if (MP4_BRANDS.has(brand)) return 'mp4';
  }
  if (isWebm(bytes)) return 'webm';
  if (isWebVtt(bytes)) return 'vtt';
  if (looksLikeSvg(bytes)) return 'svg';
  return 'other';
}
