import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/i18n.ts';
import { Pager } from './search.tsx';

// The page every searchable list shares (good practices, experts, events, project ideas): title and
// lead, a note naming what of the address was ignored, one GET form (words, filters, "show results",
// "clear"), the number of results, the results or why there are none, and the pager. Without JavaScript.
// The filters fold away in a <details> after the number of results: on a phone they used to fill the
// first screens before any result; the summary says how many are applied, so none is forgotten.

export type SearchBox = {
  /** What the fields' ids start with (`<prefix>-q`, `<prefix>-sort`), so the pages' ids stay apart. */
  prefix: string;
  label: string;
  q: string;
  /** How results are sorted once words are given: by relevance (`relevance`) or one of `others`. */
  sort?: { value: string; others: Array<[value: string, text: string]> };
};

/** One page of results, as every search service returns it. */
export type ResultPage<T> = { items: T[]; total: number; page: number; pages: number };

export type SearchResults<T> = {
  result: ResultPage<T>;
  /** "12 good practices", read out when the page loads (a status). */
  count: string;
  /** Why nothing is listed, when nothing is. */
  empty: string;
  /** After `empty`, what else to try (the directory offers to run the words as a matching request). */
  emptyAction?: Child;
  /** One result; ranked results (a search by words) stand in an ordered list, others as cards. */
  card?: (item: T) => Child;
  ranked?: boolean;
  /** A list of the results made elsewhere (shared with other pages), instead of the cards. */
  list?: Child;
  href: (page: number) => string;
  /** What the pages are of ("Pages of events"), if not the results in general. */
  pagesLabel?: string;
  /** Below the pager, inside the results (the map of the practices). */
  after?: Child;
};

export type SearchPageProps<T> = {
  i18n: I18n;
  title: string;
  lead: string;
  /** Below the lead: who sees what, how to add an entry, tabs. */
  intro?: Child;
  /** The query parameters the page ignored (malformed, out of range, unknown): named in one note. */
  ignored: string[];
  /** Where the form goes (GET: the address is the search, shareable and bookmarkable). */
  action: string;
  /**
   * `facets`: the words box and the filters (facets with counts) in one form with the results, so a
   * change of either keeps the other; `bar`: the filters in a form of their own above the results.
   */
  layout: 'facets' | 'bar';
  search?: SearchBox;
  filters: Child;
  /** How many filters are applied (the words box aside): shown on the folded filters ("Filters (2)"). */
  applied: number;
  /** The button's text, if not "Show results". */
  applyLabel?: string;
  /** The page's address without a query, offered when something is searched or filtered. */
  clearHref?: string | false;
  results: SearchResults<T>;
  /** After the results and the form (feeds, related lists). */
  below?: Child;
};

export function SearchPage<T>(props: SearchPageProps<T>) {
  const { i18n, layout } = props;
  const { t } = i18n;
  const apply = props.applyLabel ?? t('common.search.applyFilters');
  const controls = (
    <>
      {props.filters}
      <button type="submit" class="button secondary">
        {apply}
      </button>
      {props.clearHref ? (
        <p>
          <a href={props.clearHref}>{t('common.search.clearFilters')}</a>
        </p>
      ) : null}
    </>
  );
  const count = (
    // The count in a live region of its own: role="status" is not allowed on a heading (HTML-ARIA), and
    // wrapping the heading keeps it read once, not twice.
    <div role="status" class="results-count">
      <h2 id="results-title">{props.results.count}</h2>
    </div>
  );
  const summary = <summary>{t('common.search.filters', { count: props.applied })}</summary>;
  const results = <Results<T> i18n={i18n} results={props.results} />;
  return (
    <>
      <h1>{props.title}</h1>
      <p class="lead">{props.lead}</p>
      {props.intro ?? null}
      <IgnoredNote i18n={i18n} ignored={props.ignored} />
      {layout === 'bar' ? (
        <>
          {count}
          <details class="filter-panel">
            {summary}
            <form method="get" action={props.action} class="filters" aria-label={apply}>
              {controls}
            </form>
          </details>
          {results}
        </>
      ) : (
        <form method="get" action={props.action} class="search-layout">
          {props.search ? <SearchBar i18n={i18n} search={props.search} /> : null}
          {count}
          <details class="filter-panel">
            {summary}
            <div class="facets">{controls}</div>
          </details>
          {results}
        </form>
      )}
      {props.below ?? null}
    </>
  );
}

/** Says which parameters of the address were not understood, so the list is not taken for what was asked. */
function IgnoredNote({ i18n, ignored }: { i18n: I18n; ignored: string[] }) {
  if (ignored.length === 0) return null;
  return (
    <p class="notice" role="status">
      {i18n.t('common.search.ignored')} <bdi dir="ltr">{ignored.join(i18n.t('common.listSeparator'))}</bdi>
    </p>
  );
}

function SearchBar({ i18n, search }: { i18n: I18n; search: SearchBox }) {
  const { t } = i18n;
  return (
    <div class="search-bar">
      <label for={`${search.prefix}-q`}>{search.label}</label>
      <div class="search-row">
        <input id={`${search.prefix}-q`} name="q" type="search" value={search.q} maxlength={200} dir="auto" />
        <button type="submit" class="button">
          {t('common.search.searchAction')}
        </button>
      </div>
      {search.q && search.sort ? (
        <div class="sort">
          <label for={`${search.prefix}-sort`}>{t('common.search.sortLabel')}</label>
          <select id={`${search.prefix}-sort`} name="sort">
            {[['relevance', t('common.search.sortRelevance')], ...search.sort.others].map(([value, text]) => (
              <option value={value} selected={search.sort?.value === value}>
                {text}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}

function Results<T>({ i18n, results }: { i18n: I18n; results: SearchResults<T> }) {
  const { t } = i18n;
  const { result } = results;
  const cards = result.items.map((item) => <li class="card">{results.card?.(item)}</li>);
  return (
    <section class="results" aria-labelledby="results-title">
      {result.items.length === 0 ? (
        <>
          <p class="empty">{results.empty}</p>
          {results.emptyAction ?? null}
        </>
      ) : (
        (results.list ?? (results.ranked ? <ol class="result-list">{cards}</ol> : <ul class="cards">{cards}</ul>))
      )}
      <Pager
        page={result.page}
        pages={result.pages}
        href={results.href}
        labels={{
          nav: results.pagesLabel ?? t('common.search.pagination'),
          previous: t('common.search.previous'),
          next: t('common.search.next'),
          pageOf: t('common.search.pageOf', { page: result.page, pages: result.pages }),
        }}
      />
      {results.after ?? null}
    </section>
  );
}
