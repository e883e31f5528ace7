import { createHash } from 'node:crypto';

/**
 * A URL slug: ASCII letters and digits joined by hyphens, at most 80 characters. Text without any Latin
 * letter (Arabic, Georgian …) gets a stable slug from its hash, so two different names never share one.
 */
export function slugify(value: string, prefix = 'x'): string {
  const ascii = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  if (ascii) return ascii;
  const digest = createHash('sha256').update(value.normalize('NFC').trim().toLowerCase()).digest('hex').slice(0, 10);
  return `${prefix}-${digest}`;
}
