import type { Child } from 'hono/jsx';

// The parts the pages of the editorial and admin areas share: the header (the way back to the list,
// the title, a sub-navigation, the notice of what was just done, the lead and the button for a new
// item) and the table of records.

export function EditorHeader(props: {
  title: string;
  /** A record's own title (written by people, in any script), not one of the interface. */
  titleIsContent?: boolean;
  /** The list the page belongs to, above the title; `note` follows it (the record's status). */
  back?: { href: string; label: string; note?: string };
  /** A sub-navigation between the title and the rest. */
  nav?: Child;
  /** What was just done ("Deleted."), announced to screen readers. */
  notice?: string;
  lead?: string;
  /** The link to a new item (a button) or to a related page (`plain`). */
  action?: { href: string; label: string; plain?: boolean };
}) {
  const { back, action } = props;
  return (
    <>
      {back ? (
        <p class="kicker">
          <a href={back.href}>{back.label}</a>
          {back.note ? ` · ${back.note}` : null}
        </p>
      ) : null}
      <h1 dir={props.titleIsContent ? 'auto' : undefined}>{props.title}</h1>
      {props.nav ?? null}
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.lead ? <p class="lead">{props.lead}</p> : null}
      {action ? (
        <p>
          <a class={action.plain ? undefined : 'button'} href={action.href}>
            {action.label}
          </a>
        </p>
      ) : null}
    </>
  );
}

/**
 * A table of records: a caption (read out by screen readers, shown only when `captionVisible`), one
 * column header per column (a column left out as null or false), and the rows the caller gives.
 */
export function DataTable(props: { caption: string; captionVisible?: boolean; columns: Child[]; children?: Child }) {
  return (
    <table class="table">
      <caption class={props.captionVisible ? undefined : 'visually-hidden'}>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns
            .filter((column) => column !== null && column !== false)
            .map((column) => (
              <th scope="col">{column}</th>
            ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
