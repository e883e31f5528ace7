import type { I18n } from '../../platform/i18n/i18n.ts';
import { ErrorSummary, FieldFrame } from '../../platform/ui/forms.tsx';
import type { RangeRead } from './impact.forms.ts';
import type { YearRange } from './impact.queries.ts';

// The years the impact page counts: a GET form (a shareable, bookmarkable address, no script), its
// messages when the years do not read, and a line saying which years the figures are for.

export function RangeForm({ i18n, asked, range }: { i18n: I18n; asked: RangeRead; range: YearRange }) {
  const { t, locale } = i18n;
  const errors = asked.ok ? {} : asked.errors;
  const labels = { from: t('impact.range.from'), to: t('impact.range.to') };
  const restricted = range.from !== null || range.to !== null;
  return (
    <section aria-labelledby="range-title" class="impact-range">
      <h2 id="range-title" class="visually-hidden">
        {t('impact.range.title')}
      </h2>
      <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
      <form method="get" action={`/${locale}/impact`} class="filters" novalidate>
        {(['from', 'to'] as const).map((name) => (
          <FieldFrame
            i18n={i18n}
            name={name}
            label={labels[name]}
            error={errors[name]}
            describedBy="range-hint"
            control={({ names, aria }) => (
              <input
                {...names}
                type="text"
                inputmode="numeric"
                autocomplete="off"
                size={6}
                maxlength={4}
                value={asked.values[name]}
                {...aria}
              />
            )}
          />
        ))}
        <button type="submit" class="button secondary">
          {t('impact.range.submit')}
        </button>
      </form>
      <p class="hint" id="range-hint">
        {t('impact.range.hint')}
      </p>
      {asked.ok ? null : <p>{t('impact.range.allYearsShown')}</p>}
      {restricted ? (
        <p>
          <strong>
            {t('impact.range.showing', {
              kind: range.from !== null && range.to !== null ? 'both' : range.from !== null ? 'from' : 'to',
              from: String(range.from ?? ''),
              to: String(range.to ?? ''),
            })}
          </strong>{' '}
          <a href={`/${locale}/impact`}>{t('impact.range.allYears')}</a>
        </p>
      ) : null}
    </section>
  );
}
