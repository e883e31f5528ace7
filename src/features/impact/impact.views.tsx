import type { I18n } from '../../platform/i18n/i18n.ts';
import { BarChart } from '../../platform/ui/components/bar-chart.tsx';
import { DataTable } from '../../platform/ui/components/editor-page.tsx';
import { type RangeRead, rangeQuery } from './impact.forms.ts';
import { type Dimension, rowLabel } from './impact.model.ts';
import type { YearRange } from './impact.queries.ts';
import { type Impact, type ImpactRow, MEASURES, type Measure } from './impact.service.ts';
import { impactCsvFileName } from './impact-csv.service.ts';
import { RangeForm } from './impact-range.views.tsx';

// The impact page: the totals, then per year, theme and region a chart of one measure (chosen by a
// link, no script) and the table of every measure, which is the chart's text equivalent, with its CSV
// file. Everything counts only the years of the range, when one is asked for.

export type ImpactPageProps = {
  i18n: I18n;
  impact: Impact;
  choice: Record<Dimension, Measure>;
  themeLabels: Map<string, string>;
  /** The years counted, and what the form was given (shown again with its messages when it did not read). */
  range: YearRange;
  asked: RangeRead;
};

export function ImpactPage(props: ImpactPageProps) {
  const { i18n, impact } = props;
  const { t } = i18n;
  return (
    <>
      <h1>{t('impact.title')}</h1>
      <p class="lead">{t('impact.intro')}</p>
      <RangeForm i18n={i18n} asked={props.asked} range={props.range} />
      <ul class="figures">
        {MEASURES.map((m) => (
          <li>
            <strong>{i18n.formatNumber(impact.totals[m])}</strong>
            <span>{t(`impact.totals.${m}`, { count: impact.totals[m] })}</span>
          </li>
        ))}
      </ul>
      <Breakdown {...props} dimension="year" rows={impact.byYear} />
      <Breakdown {...props} dimension="theme" rows={impact.byTheme} />
      <Breakdown {...props} dimension="region" rows={impact.byRegion} />
      <p class="hint">{t('impact.method')}</p>
    </>
  );
}

function Breakdown(props: ImpactPageProps & { dimension: Dimension; rows: ImpactRow[] }) {
  const { i18n, dimension, rows, choice, range } = props;
  const { t, locale } = i18n;
  const shown = choice[dimension];
  const heading = t(`impact.by.${dimension}`);
  const label = (key: string) => rowLabel(i18n, dimension, key, props.themeLabels);
  const years = rangeQuery(range);
  const link = (m: Measure) => {
    const query = new URLSearchParams([...years, ...Object.entries({ ...choice, [dimension]: m })]);
    return `/${locale}/impact?${query}#by-${dimension}`;
  };
  const csv = `/${locale}/impact/${dimension}.csv${years.size ? `?${years}` : ''}`;
  return (
    <section aria-labelledby={`by-${dimension}`} class="impact-breakdown">
      <h2 id={`by-${dimension}`}>{heading}</h2>
      {rows.length === 0 ? (
        <p class="empty">{t('impact.nothingYet')}</p>
      ) : (
        <>
          <nav aria-label={t('impact.chooseMeasure', { breakdown: heading })} class="tabs">
            {MEASURES.map((m) => (
              <a href={link(m)} aria-current={m === shown ? 'true' : undefined}>
                {t(`impact.measure.${m}`)}
              </a>
            ))}
          </nav>
          <figure class="chart">
            <BarChart
              id={`chart-${dimension}`}
              title={t('impact.chartTitle', { measure: t(`impact.measure.${shown}`), dimension })}
              rows={rows.map((r) => ({ label: label(r.key), value: r.figures[shown] }))}
              rtl={i18n.dir === 'rtl'}
              format={i18n.formatNumber}
            />
          </figure>
          {/* A table wider than a phone scrolls in its own box: keyboard users reach it as a named region. */}
          <section class="table-scroll" tabindex={0} aria-label={heading}>
            <DataTable
              caption={heading}
              captionVisible
              columns={[t(`impact.column.${dimension}`), ...MEASURES.map((m) => t(`impact.measure.${m}`))]}
            >
              {rows.map((r) => (
                <tr>
                  <th scope="row">{label(r.key)}</th>
                  {MEASURES.map((m) => (
                    <td>{i18n.formatNumber(r.figures[m])}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </section>
          <p class="download">
            <a href={csv} download={impactCsvFileName(dimension, range)}>
              {t('impact.downloadCsv', { table: heading })}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
