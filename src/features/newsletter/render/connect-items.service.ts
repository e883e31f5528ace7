import { getI18n } from '../../../platform/i18n/i18n.ts';
import type { ItemSuggestion, NewsletterItemSource, RenderedItem } from '../newsletter.model.ts';

// The newsletter's own items for the section Connect: standing invitations to use the network (find an
// expert, become one, share a good practice, find peers for a challenge). Their texts are in the
// newsletter's catalog in every language, so they never fall back; they link to the pages that do it.

const CONNECT_ITEMS = {
  'find-expert': { key: 'findExpert', path: '/experts' },
  'become-expert': { key: 'becomeExpert', path: '/my/expert-profile' },
  'share-practice': { key: 'sharePractice', path: '/my/practices/new' },
  'find-peers': { key: 'findPeers', path: '/experts/match' },
} as const;

type ConnectId = keyof typeof CONNECT_ITEMS;
const isConnectId = (id: string): id is ConnectId => Object.hasOwn(CONNECT_ITEMS, id);

export const connectItems: NewsletterItemSource = {
  kind: 'connect',
  suggest: async (_db, window, locale) => {
    const { t } = getI18n(locale);
    return (Object.keys(CONNECT_ITEMS) as ConnectId[]).map(
      (id): ItemSuggestion => ({
        section: 'connect',
        ref: `connect:${id}`,
        title: t(`newsletter.connect.${CONNECT_ITEMS[id].key}.title`),
        reason: t('newsletter.connect.reason'),
        at: window.until,
      }),
    );
  },
  render: async (_db, externalIds, locale, baseUrl) => {
    const { t } = getI18n(locale);
    const items = new Map<string, RenderedItem>();
    for (const id of externalIds) {
      if (!isConnectId(id)) continue;
      const { key, path } = CONNECT_ITEMS[id];
      items.set(id, {
        title: t(`newsletter.connect.${key}.title`),
        text: t(`newsletter.connect.${key}.text`),
        url: `${baseUrl}/${locale}${path}`,
        locale,
      });
    }
    return items;
  },
  exists: async (_db, externalIds) => new Set(externalIds.filter(isConnectId)),
};
