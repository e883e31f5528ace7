import type { VideoProvider } from './videos.table.ts';

// The pure rules of videos: what a provider's id looks like (and how to find it in a pasted address),
// durations in the three forms people and machines use, and where a provider's player lives.

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^[0-9]{1,12}$/;

export const YOUTUBE_EMBED_ORIGIN = 'https://www.youtube-nocookie.com';
export const VIMEO_EMBED_ORIGIN = 'https://player.vimeo.com';

export function isProviderId(provider: 'youtube' | 'vimeo', id: string): boolean {
  return provider === 'youtube' ? YOUTUBE_ID.test(id) : VIMEO_ID.test(id);
}

/**
 * The id in what an editor typed or pasted: the id itself, or a watch/share/embed address of the
 * provider (youtu.be/ID, youtube.com/watch?v=ID, /embed/ID, /shorts/ID, /live/ID; vimeo.com/ID,
 * player.vimeo.com/video/ID). Anything else is no id (null): nothing unchecked reaches an iframe.
 */
export function extractProviderId(provider: 'youtube' | 'vimeo', input: string): string | null {
  const value = input.trim();
  if (isProviderId(provider, value)) return value;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (provider === 'youtube') {
    if (host === 'youtu.be') id = parts[0];
    else if (['youtube.com', 'youtube-nocookie.com', 'music.youtube.com'].includes(host)) {
      id =
        parts[0] === 'watch'
          ? (url.searchParams.get('v') ?? undefined)
          : ['embed', 'shorts', 'live', 'v'].includes(parts[0] ?? '')
            ? parts[1]
            : undefined;
    }
  } else if (host === 'vimeo.com') id = parts.find((p) => VIMEO_ID.test(p));
  else if (host === 'player.vimeo.com' && parts[0] === 'video') id = parts[1];
  return id && isProviderId(provider, id) ? id : null;
}

/** The provider's privacy-friendly player, asked to start at once (the visitor just clicked play). */
export function embedUrl(provider: 'youtube' | 'vimeo', id: string): string {
  return provider === 'youtube' ? `${YOUTUBE_EMBED_ORIGIN}/embed/${id}?autoplay=1` : `${VIMEO_EMBED_ORIGIN}/video/${id}?dnt=1&autoplay=1`;
}

export function embedOrigin(provider: 'youtube' | 'vimeo'): string {
  return provider === 'youtube' ? YOUTUBE_EMBED_ORIGIN : VIMEO_EMBED_ORIGIN;
}

/** "1:02:03" or "4:05": what a page shows and the editor's field holds. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** "h:mm:ss", "m:ss" or plain seconds; null when it is none of them or not 1 s – 48 h. */
export function parseDuration(input: string): number | null {
  const match = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$|^(\d{1,6})$/.exec(input.trim());
  if (!match) return null;
  const [, h, m, s, plain] = match;
  let seconds: number;
  if (plain !== undefined) seconds = Number(plain);
  else {
    if (Number(s) > 59 || (h !== undefined && Number(m) > 59)) return null;
    seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  return seconds >= 1 && seconds <= MAX_DURATION_SECONDS ? seconds : null;
}

export const MAX_DURATION_SECONDS = 48 * 3600;

/** ISO 8601 duration for schema.org: PT1H2M3S. */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/**
 * The Content-Security-Policy of a video's page. The platform's policy has no frame-src (so default-src
 * 'self' forbids every frame); a provider's video adds exactly its embed origin, and a file at another
 * address adds that origin as media-src. Everything else stays as strict as on every other page.
 */
export function videoPagePolicy(base: string, video: { provider: VideoProvider; fileOrigin: string | null }): string {
  const extra =
    video.provider === 'file'
      ? video.fileOrigin
        ? [`media-src 'self' ${video.fileOrigin}`]
        : []
      : [`frame-src ${embedOrigin(video.provider)}`];
  return [base, ...extra].join('; ');
}
