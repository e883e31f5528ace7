import type { Extensions } from '../../platform/extension.ts';
import { extensionPoint } from '../../platform/extension.ts';
import type { NewsletterItemSource } from './newsletter.model.ts';

/**
 * Where content modules offer their content to editions: events, practices, calls, project ideas (and
 * whatever comes later) each contribute a source, so the newsletter suggests and renders their items
 * without importing them.
 */
export const newsletterItemSources = extensionPoint<NewsletterItemSource>('newsletter.itemSources');

/** The sources by ref kind. */
export function itemSourcesByKind(extensions: Extensions): Map<string, NewsletterItemSource> {
  return new Map(extensions.all(newsletterItemSources).map((source) => [source.kind, source]));
}
