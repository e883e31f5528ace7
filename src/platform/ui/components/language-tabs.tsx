import type { I18n } from '../../i18n/i18n.ts';
import { LOCALES } from '../../i18n/locales.ts';

/**
 * The languages of a record's texts as tabs (editors write one language per save): each links to the
 * form in that language, marks the current one, and says which are not written yet.
 */
export function TextLanguageTabs(props: {
  i18n: I18n;
  label: string;
  href: (lang: string) => string;
  current: string;
  written: string[];
  notWritten: string;
}) {
  const { i18n } = props;
  return (
    <nav class="sub-nav" aria-label={props.label}>
      <ul>
        {LOCALES.map((l) => (
          <li>
            <a href={props.href(l)} aria-current={l === props.current ? 'page' : undefined}>
              {i18n.languageName(l)}
              {props.written.includes(l) ? '' : ` (${props.notWritten})`}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
