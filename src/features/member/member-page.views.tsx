import type { CurrentUser } from '../../platform/http/context.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { hasItems, type MemberItem, type MemberLink, type MemberSection } from './member-page.model.ts';

// A member's own page: a greeting with the way to the account settings, then one section per
// contributing module, each listing the person's items with their state and where to manage them.

export function MemberPage(props: { i18n: I18n; user: CurrentUser; sections: MemberSection[] }) {
  const { i18n, user, sections } = props;
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('member.title')}</h1>
      <p class="lead">{t('member.lead', { name: user.name })}</p>
      {user.emailVerified ? null : (
        <p class="notice">
          {t('member.verifyFirst')} <a href={`/${locale}/account`}>{t('member.verifyLink')}</a>
        </p>
      )}
      <p class="actions">
        <a class="button secondary" href={`/${locale}/account`}>
          {t('member.settings')}
        </a>
      </p>
      {sections.length > 1 ? (
        <nav class="sub-nav" aria-label={t('member.contents')}>
          <ul>
            {sections.map((s) => (
              <li>
                <a href={`#${s.id}`}>{s.heading}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {sections.map((section) => (
        <Section i18n={i18n} section={section} />
      ))}
    </>
  );
}

function Section({ section }: { i18n: I18n; section: MemberSection }) {
  const headingId = `${section.id}-title`;
  return (
    <section id={section.id} aria-labelledby={headingId}>
      <h2 id={headingId}>{section.heading}</h2>
      {hasItems(section) ? (
        <>
          {section.groups
            .filter((g) => g.items.length > 0)
            .map((group) => (
              <>
                {group.heading ? <h3>{group.heading}</h3> : null}
                <ul class="result-list">
                  {group.items.map((item) => (
                    <Item item={item} level={group.heading ? 4 : 3} />
                  ))}
                </ul>
              </>
            ))}
          {section.manage ? (
            <p>
              <PlainLink link={section.manage} />
            </p>
          ) : null}
        </>
      ) : (
        <p class="empty">
          {section.empty.text} <PlainLink link={section.empty.start} />
        </p>
      )}
    </section>
  );
}

function Item({ item, level }: { item: MemberItem; level: 3 | 4 }) {
  const title = (
    <a href={item.href} lang={item.lang} dir="auto">
      {item.title}
    </a>
  );
  return (
    <li class="card">
      {level === 3 ? <h3>{title}</h3> : <h4>{title}</h4>}
      <p class="meta">
        <strong>{item.state}</strong>
        {item.detail ? ` · ${item.detail}` : null}
      </p>
      {item.action ? (
        <p>
          <a class="button" href={item.action.href} rel={item.action.external ? 'noopener noreferrer' : undefined}>
            {item.action.label}
          </a>
        </p>
      ) : null}
    </li>
  );
}

function PlainLink({ link }: { link: MemberLink }) {
  return (
    <a href={link.href} rel={link.external ? 'noopener noreferrer' : undefined}>
      {link.label}
    </a>
  );
}
