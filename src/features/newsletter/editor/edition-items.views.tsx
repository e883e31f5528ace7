import type { I18n } from '../../../platform/i18n/i18n.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { CsrfField } from '../../../platform/ui/forms.tsx';
import type { EditionItem } from '../editions/editions.service.ts';
import { type ItemSuggestion, SECTION_KINDS } from '../newsletter.model.ts';
import { ITEM_TEXT_MAX, ITEM_TITLE_MAX, URL_MAX } from './edition-editor.forms.ts';
import { type EditionPageProps, Input, Select, TextBox, valueIn } from './edition-fields.views.tsx';
import type { ItemLabel } from './edition-pages.service.ts';

// The four sections of an edition with their items (move, remove: one small form each, so it all works
// without script), the suggestions for each section, and the form for a free item.

type Props = EditionPageProps & { base: string };

function ItemButton(props: { action: string; csrfToken: string; item: number; label: string; field?: [string, string] }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="item" value={String(props.item)} />
      {props.field ? <input type="hidden" name={props.field[0]} value={props.field[1]} /> : null}
      <button type="submit" class="link-button">
        {props.label}
      </button>
    </form>
  );
}

function ItemTitle({ i18n, label }: { i18n: I18n; label: ItemLabel | undefined }) {
  const { t, locale } = i18n;
  if (!label || label.kind === 'missing') {
    return (
      <>
        <code>{label?.title}</code> <span class="meta">({t('newsletterEditor.itemMissing')})</span>
      </>
    );
  }
  return (
    <>
      <span lang={label.locale ?? undefined} dir="auto">
        {label.title}
      </span>
      {label.locale && label.locale !== locale ? <span class="fallback-note"> ({i18n.languageName(label.locale)})</span> : null}
      {label.kind === 'free' ? <span class="meta"> · {t('newsletterEditor.freeItem')}</span> : null}
    </>
  );
}

function ItemRow(props: Props & { item: EditionItem; index: number; count: number }) {
  const { i18n, item, base, csrfToken } = props;
  const { t } = i18n;
  const title = props.labels.get(item.id)?.title ?? '';
  return (
    <li>
      <ItemTitle i18n={i18n} label={props.labels.get(item.id)} />
      {props.editable ? (
        <div class="actions">
          {props.index > 0 ? (
            <ItemButton
              action={`${base}/items/move`}
              csrfToken={csrfToken}
              item={item.id}
              field={['direction', 'up']}
              label={t('newsletterEditor.moveUp', { title })}
            />
          ) : null}
          {props.index < props.count - 1 ? (
            <ItemButton
              action={`${base}/items/move`}
              csrfToken={csrfToken}
              item={item.id}
              field={['direction', 'down']}
              label={t('newsletterEditor.moveDown', { title })}
            />
          ) : null}
          <ItemButton
            action={`${base}/items/remove`}
            csrfToken={csrfToken}
            item={item.id}
            label={t('newsletterEditor.remove', { title })}
          />
        </div>
      ) : null}
    </li>
  );
}

function Suggestions(props: Props & { list: ItemSuggestion[]; section: string }) {
  const { i18n, base, csrfToken } = props;
  const suggestions = props.list;
  const { t } = i18n;
  if (suggestions.length === 0) return <p class="meta">{t('newsletterEditor.noSuggestions')}</p>;
  return (
    <details>
      <summary>{t('newsletterEditor.suggestions', { count: suggestions.length })}</summary>
      <ul>
        {suggestions.map((s) => (
          <li>
            <span dir="auto">{s.title}</span>
            <span class="meta">
              {' '}
              · {s.reason} · <time datetime={s.at.toISOString()}>{i18n.formatDate(s.at.toISOString().slice(0, 10), 'medium')}</time>
            </span>
            <form method="post" action={`${base}/items/suggested`} class="inline-form">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="ref" value={s.ref} />
              <input type="hidden" name="section" value={props.section} />
              <button type="submit" class="link-button">
                {t('newsletterEditor.add', { title: s.title })}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function Sections(props: Props) {
  const { i18n, edition, errors } = props;
  const { t } = i18n;
  return (
    <section class="panel" id="sections" aria-labelledby="edition-sections">
      <h2 id="edition-sections">{t('newsletterEditor.sections.title')}</h2>
      {SECTION_KINDS.map((kind) => {
        const items = edition.sections[kind];
        const error = errors[`section-${kind}`];
        return (
          <section id={`section-${kind}`} aria-labelledby={`section-${kind}-title`} class={error ? 'has-error' : undefined}>
            <h3 id={`section-${kind}-title`}>{t(`newsletterEditor.sections.${kind}`)}</h3>
            {error ? <p class="field-error">{error}</p> : null}
            {items.length === 0 ? (
              <p class="empty">{t('newsletterEditor.sectionEmpty')}</p>
            ) : (
              <ol>
                {items.map((item, index) => (
                  <ItemRow {...props} item={item} index={index} count={items.length} />
                ))}
              </ol>
            )}
            {props.editable && props.suggestions ? <Suggestions {...props} list={props.suggestions[kind]} section={kind} /> : null}
          </section>
        );
      })}
    </section>
  );
}

export function FreeItemForm(props: Props) {
  const { i18n, errors, base } = props;
  const { t } = i18n;
  const v = (name: string) => valueIn(props, 'free', name, '');
  return (
    <section class="panel" aria-labelledby="free-item">
      <h2 id="free-item">{t('newsletterEditor.freeItemTitle')}</h2>
      <p class="hint">{t('newsletterEditor.freeItemHint')}</p>
      <form method="post" action={`${base}/items/free`} novalidate>
        <CsrfField token={props.csrfToken} />
        <Select
          name="section"
          label={t('newsletterEditor.section')}
          value={v('section') || 'review'}
          options={SECTION_KINDS.map((k) => [k, t(`newsletterEditor.sections.${k}`)])}
          error={errors.section}
        />
        <Input
          name="url"
          type="url"
          label={t('newsletterEditor.link')}
          hint={t('newsletterEditor.linkHint')}
          value={v('url')}
          error={errors.url}
          maxlength={URL_MAX}
        />
        {LOCALES.map((l) => (
          <fieldset>
            <legend>{i18n.languageName(l)}</legend>
            <Input
              name={`title_${l}`}
              label={t('newsletterEditor.itemTitle')}
              value={v(`title_${l}`)}
              error={errors[`title_${l}`]}
              maxlength={ITEM_TITLE_MAX}
              lang={l}
            />
            <TextBox
              name={`text_${l}`}
              label={t('newsletterEditor.itemText')}
              value={v(`text_${l}`)}
              error={errors[`text_${l}`]}
              maxlength={ITEM_TEXT_MAX}
              rows={3}
              lang={l}
            />
          </fieldset>
        ))}
        <button type="submit" class="button secondary">
          {t('newsletterEditor.addFreeItem')}
        </button>
      </form>
    </section>
  );
}
