import type { RevisionState } from '../practices.table.ts';

// The review workflow as data: which action moves a revision from which state to which, and who may
// take it. Services ask `transition`; nothing else decides what is allowed.
//
//   draft ──submit──▶ submitted ──start-review──▶ in_review ──publish──▶ published
//                         │                          │  └──reject──▶ rejected
//                         └────request-changes───────┴──▶ changes_requested ──submit──▶ resubmitted ──▶ (as submitted)
//
// Authors may also withdraw an open revision of their own. Editors may also submit or discard edits
// (they edit practices that have no author, like imported ones), and may publish or reject straight
// from submitted: a quick yes needs no separate "start review" click. Nothing is published that was
// not submitted first, so a member's half-written draft never goes online by mistake.

export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'start-review', 'request-changes', 'publish', 'reject'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];
export type Actor = 'author' | 'editor';

/** The editors' lists, in the order of their tabs: what waits for review, what waits for its author, and
 * the practices in one status. */
export const EDITOR_VIEWS = ['review', 'changes', 'published', 'archived', 'draft'] as const;
export type EditorView = (typeof EDITOR_VIEWS)[number];

type Rule = { from: RevisionState[]; to: RevisionState | ((from: RevisionState) => RevisionState); by: Actor[]; needsComment?: boolean };

/** States in which a revision is still open (at most one per practice). */
export const OPEN_STATES: RevisionState[] = ['draft', 'submitted', 'in_review', 'changes_requested', 'resubmitted'];
/** States in which the author may still change the text. */
export const EDITABLE_STATES: RevisionState[] = ['draft', 'changes_requested'];
/** States waiting for an editor. */
export const REVIEW_STATES: RevisionState[] = ['submitted', 'resubmitted', 'in_review'];

export const WORKFLOW: Record<WorkflowAction, Rule> = {
  submit: { from: EDITABLE_STATES, to: (from) => (from === 'draft' ? 'submitted' : 'resubmitted'), by: ['author', 'editor'] },
  withdraw: { from: ['draft', 'submitted', 'changes_requested', 'resubmitted'], to: 'withdrawn', by: ['author', 'editor'] },
  'start-review': { from: ['submitted', 'resubmitted'], to: 'in_review', by: ['editor'] },
  'request-changes': { from: REVIEW_STATES, to: 'changes_requested', by: ['editor'], needsComment: true },
  publish: { from: REVIEW_STATES, to: 'published', by: ['editor'] },
  reject: { from: REVIEW_STATES, to: 'rejected', by: ['editor'], needsComment: true },
};

export type TransitionOutcome = { ok: true; to: RevisionState } | { ok: false; reason: 'not-allowed' | 'comment-required' };

/** Whether `actor` may take `action` on a revision in `from`; editors may also act as authors on their own. */
export function transition(from: RevisionState, action: WorkflowAction, actors: Actor[], comment: string): TransitionOutcome {
  const rule = WORKFLOW[action];
  if (!rule.from.includes(from) || !rule.by.some((a) => actors.includes(a))) return { ok: false, reason: 'not-allowed' };
  if (rule.needsComment && !comment.trim()) return { ok: false, reason: 'comment-required' };
  return { ok: true, to: typeof rule.to === 'function' ? rule.to(from) : rule.to };
}

/** The actions `actors` can take now, in the order buttons should appear. */
export function availableActions(from: RevisionState, actors: Actor[]): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => WORKFLOW[a].from.includes(from) && WORKFLOW[a].by.some((b) => actors.includes(b)));
}
