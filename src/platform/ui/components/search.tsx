import type { I18n } from '../../i18n/i18n.ts';

// The pieces every faceted list shares (good practices, experts): checkboxes with counts inside a GET
// form, and previous/next links that keep the query. They work without JavaScript.

export type FacetOption = { value: string; label: string; count: number };

export function Facet(props: { i18n: I18n; name: string; legend: string; options: FacetOption[]; selected: string[] }) {
  if (props.options.length === 0) return null;
  return (
    <fieldset class="facet" id={`facet-${props.name}`}>
      <legend>{props.legend}</legend>
      <ul>
        {props.options.map((o) => (
          <li>
            <input
              type="checkbox"
              id={`f-${props.name}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.selected.includes(o.value)}
            />
            <label for={`f-${props.name}-${o.value}`}>
              {o.label} <span class="count">({props.i18n.formatNumber(o.count)})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Previous / page N of M / next; `href(page)` keeps the rest of the query. Labels are the caller's. */
export function Pager(props: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string };
}) {
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={props.labels.nav}>
      {props.page > 1 ? <a href={props.href(props.page - 1)}>{props.labels.previous}</a> : null}
      <span>{props.labels.pageOf}</span>
      {props.page < props.pages ? <a href={props.href(props.page + 1)}>{props.labels.next}</a> : null}
    </nav>
  );
}

export type FilterOption = { value: string; label: string };

/** One value of a filter as a select with an "any" choice first (calendar, project ideas). */
export function FilterSelect(props: { name: string; label: string; options: FilterOption[]; selected: string; any: string }) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
