import type { I18n } from '../../platform/i18n/i18n.ts';
import { BarChart } from '../../platform/ui/components/bar-chart.tsx';
import { DataTable } from '../../platform/ui/components/editor-page.tsx';
import { type Impact, type ImpactRow, MEASURES, type Measure } from './impact.service.ts';

// The impact page: the totals, then per year, theme and region a chart of one measure (chosen by a
// link, no script) and the table of every measure, which is the chart's text equivalent.

type Dimension = 'year' | 'theme' | 'region';

export type ImpactPageProps = {
  i18n: I18n;
  impact: Impact;
  choice: Record<Dimension, Measure>;
  themeLabels: Map<string, string>;
};

export function ImpactPage(props: ImpactPageProps) {
  const { i18n, impact } = props;
  const { t } = i18n;
  return (
    <>
      <h1>{t('impact.title')}</h1>
      <p class="lead">{t('impact.intro')}</p>
      <ul class="figures">
        {MEASURES.map((m) => (
          <li>
            <strong>{i18n.formatNumber(impact.totals[m])}</strong>
            <span>{t(`impact.totals.${m}`, { count: impact.totals[m] })}</span>
          </li>
        ))}
      </ul>
      <Breakdown {...props} dimension="year" rows={impact.byYear} label={(key) => key} />
      <Breakdown {...props} dimension="theme" rows={impact.byTheme} label={(key) => props.themeLabels.get(key) ?? key} />
      <Breakdown {...props} dimension="region" rows={impact.byRegion} label={(key) => t(`common.regions.${key}`)} />
      <p class="hint">{t('impact.method')}</p>
    </>
  );
}

function Breakdown(props: ImpactPageProps & { dimension: Dimension; rows: ImpactRow[]; label: (key: string) => string }) {
  const { i18n, dimension, rows, choice } = props;
  const { t, locale } = i18n;
  const shown = choice[dimension];
  const heading = t(`impact.by.${dimension}`);
  const link = (m: Measure) => {
    const query = new URLSearchParams(Object.entries({ ...choice, [dimension]: m }));
    return `/${locale}/impact?${query}#by-${dimension}`;
  };
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
              rows={rows.map((r) => ({ label: props.label(r.key), value: r.figures[shown] }))}
              rtl={i18n.dir === 'rtl'}
              format={i18n.formatNumber}
            />
          </figure>
          <div class="table-scroll">
            <DataTable
              caption={heading}
              captionVisible
              columns={[t(`impact.column.${dimension}`), ...MEASURES.map((m) => t(`impact.measure.${m}`))]}
            >
              {rows.map((r) => (
                <tr>
                  <th scope="row">{props.label(r.key)}</th>
                  {MEASURES.map((m) => (
                    <td>{i18n.formatNumber(r.figures[m])}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </div>
        </>
      )}
    </section>
  );
}
