// A horizontal bar chart as inline SVG, drawn on the server: no script, no image request, a few hundred
// bytes compressed. Right-to-left pages get the mirror image (labels on the right, bars growing left);
// coordinates are computed here because SVG has no logical properties. Pages show a table with the
// same figures beside it: the chart is for the eye, the table is the equivalent for everyone else.

export type BarChartRow = { label: string; value: number };

const WIDTH = 680;
const LABEL = 250;
const GAP = 10;
const VALUE = 80;
const ROW = 30;
const BAR = 18;
const PAD = 6;
const MAX_LABEL = 36;

export function BarChart(props: { id: string; title: string; rows: BarChartRow[]; rtl: boolean; format: (n: number) => string }) {
  const { rows, rtl } = props;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const room = WIDTH - LABEL - GAP - VALUE;
  const height = rows.length * ROW + PAD * 2;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-labelledby={`${props.id}-title`}
      direction="ltr"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      {rows.map((r, i) => {
        const y = PAD + i * ROW;
        const length = Math.round((r.value / max) * room);
        const label = r.label.length > MAX_LABEL ? `${r.label.slice(0, MAX_LABEL - 1)}…` : r.label;
        const barX = rtl ? WIDTH - LABEL - GAP - length : LABEL + GAP;
        return (
          <g>
            <text x={rtl ? WIDTH - LABEL : LABEL} y={y + BAR - 4} text-anchor={rtl ? 'start' : 'end'}>
              {label}
            </text>
            <rect class="bar" x={barX} y={y} width={Math.max(length, r.value > 0 ? 2 : 0)} height={BAR} rx="2" />
            <text class="value" x={rtl ? barX - PAD : barX + length + PAD} y={y + BAR - 4} text-anchor={rtl ? 'end' : 'start'}>
              {props.format(r.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
