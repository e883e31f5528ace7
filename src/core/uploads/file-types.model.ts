// What a file is, judged by its first bytes only: the name and the browser's declared type are chosen
// by the sender and prove nothing (a program renamed "report.pdf" arrives as application/pdf).

export type SniffedType = 'pdf' | 'jpeg' | 'png' | 'webp' | 'heic' | 'svg' | 'other';

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
  }
  if (looksLikeSvg(bytes)) return 'svg';
  return 'other';
}
