import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

// The picture social sites show for a shared link when the content has none of its own: a 1200×630 PNG
// (what Facebook, LinkedIn, X and Mastodon all accept; SVG is accepted by none) with the title and the
// network's name. Drawn with sharp (already used for uploads): the background is an SVG, the text is laid
// out by Pango with fonts shipped as npm packages (Noto Sans and Noto Sans Arabic, OFL), so a server
// without system fonts draws the same card and Arabic is shaped and set right to left.
// Rendering takes ~100 ms, so a card is drawn once per content version and kept on disk.

export const SHARE_CARD = { width: 1200, height: 630, type: 'image/png' } as const;

/** Changes whenever the drawing changes, so cached cards and their URLs are renewed. */
const DESIGN_VERSION = '1';

const require = createRequire(import.meta.url);
const FONTS = [
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
];
const FAMILIES = 'Noto Sans,Noto Sans Arabic';

/**
 * Scripts the bundled fonts cover. A title in another script (say Chinese) would come out as empty
 * boxes: such a card shows the network's name alone.
 */
const COVERED = /^[\p{Script=Latin}\p{Script=Arabic}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;

export type ShareCardContent = {
  /** What the card is of and which version: becomes the cache key (e.g. practice 12, its text in fr, updated at …). */
  key: string;
  title: string;
  siteName: string;
};

/** A short hash of the content's key and the design: the `v` of the card's URL and its file name. */
export function shareCardVersion(key: string): string {
  return createHash('sha256').update(`${DESIGN_VERSION}\n${key}`).digest('hex').slice(0, 16);
}

// Pango reads the fonts through fontconfig; a font file is registered (for the whole process) by the
// first text drawn with it, so each is used once before the first card.
let fontsReady: Promise<void> | undefined;
function loadFonts(): Promise<void> {
  fontsReady ??= (async () => {
    for (const fontfile of FONTS)
      await sharp({ text: { text: '.', fontfile, font: 'Noto Sans 8' } })
        .png()
        .toBuffer();
  })();
  return fontsReady;
}

const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function background(): Buffer {
  const { width, height } = SHARE_CARD;
  // The mark of public/icons/peerpolis.svg, drawn large in the corner band.
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="${width}" height="${height}" fill="#0b5c8c"/>
  <rect y="${height - 130}" width="${width}" height="130" fill="#083f61"/>
  <rect x="0" y="${height - 136}" width="${width}" height="6" fill="#fbbf24"/>
  <g transform="translate(80 ${height - 105}) scale(2.5)">
    <rect width="32" height="32" rx="7" fill="#0b5c8c"/><circle cx="11" cy="12" r="4" fill="#fff"/>
    <circle cx="21" cy="20" r="4" fill="#fbbf24"/><path d="M13.5 14.5l5 3" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/>
  </g>
</svg>`);
}

/** One block of white text, shrunk (never grown past `size`) to fit the box; Pango picks the direction. */
async function textBlock(text: string, box: { width: number; height: number }, weight: 'Bold' | 'Regular', size: number) {
  const markup = `<span foreground="#ffffff">${escapeMarkup(text)}</span>`;
  const fitted = await sharp({ text: { text: markup, font: `${FAMILIES} ${weight}`, ...box, rgba: true, wrap: 'word-char' } })
    .png()
    .toBuffer({ resolveWithObject: true });
  // Auto-fit fills the box; a short title would be huge, so it is drawn again at the largest size allowed.
  const dpi = (fitted.info as { textAutofitDpi?: number }).textAutofitDpi ?? 72;
  if (dpi <= size) return fitted;
  return sharp({ text: { text: markup, font: `${FAMILIES} ${weight} ${size}`, width: box.width, dpi: 72, rgba: true, wrap: 'word-char' } })
    .png()
    .toBuffer({ resolveWithObject: true });
}

/** Draws a card (no cache): the title in the upper part, the network's name in the band below. */
export async function drawShareCard(content: Pick<ShareCardContent, 'title' | 'siteName'>): Promise<Buffer> {
  await loadFonts();
  const title = content.title.replace(/\s+/g, ' ').trim().slice(0, 200);
  const layers: OverlayOptions[] = [];
  const name = await textBlock(content.siteName, { width: 900, height: 60 }, 'Bold', 44);
  layers.push({ input: name.data, left: 190, top: SHARE_CARD.height - 65 - Math.round(name.info.height / 2) });
  if (title && COVERED.test(title)) {
    const block = await textBlock(title, { width: 1040, height: 380 }, 'Bold', 64);
    // Right-to-left titles are set against the right margin, as they are read.
    const rtl = /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(title);
    layers.push({ input: block.data, top: 60, left: rtl ? SHARE_CARD.width - 80 - block.info.width : 80 });
  }
  return sharp(background()).composite(layers).png({ compressionLevel: 9 }).toBuffer();
}

const drawing = new Map<string, Promise<Buffer>>();

/**
 * The card for this content, from the disk cache (`<dir>/<version>.png`) or drawn and stored there.
 * Concurrent requests for one card wait for the same drawing.
 */
export async function shareCard(dir: string, content: ShareCardContent): Promise<{ png: Buffer; version: string }> {
  const version = shareCardVersion(content.key);
  const file = join(dir, `${version}.png`);
  const cached = await readFile(file).catch(() => null);
  if (cached) return { png: cached, version };
  let pending = drawing.get(version);
  if (!pending) {
    pending = (async () => {
      const png = await drawShareCard(content);
      await mkdir(dir, { recursive: true });
      // Written under a temporary name and renamed: a reader never sees half a file.
      const partial = `${file}.${process.pid}.${Date.now()}.part`;
      await writeFile(partial, png);
      await rename(partial, file);
      return png;
    })().finally(() => drawing.delete(version));
    drawing.set(version, pending);
  }
  return { png: await pending, version };
}

/** How long a drawn card stays on disk: one still asked for is drawn again (once) after that. */
export const SHARE_CARD_KEEP_DAYS = 30;

/**
 * Deletes cards drawn more than `keepDays` ago (and parts a crash left): every edit of a title draws a
 * new card, so the folder would otherwise only grow. Returns how many files went.
 */
export async function pruneShareCards(dir: string, keepDays = SHARE_CARD_KEEP_DAYS, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!/^[0-9a-f]+\.png(\..+\.part)?$/.test(name)) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (!info || now - info.mtimeMs < keepDays * 86_400_000) continue;
    await rm(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
