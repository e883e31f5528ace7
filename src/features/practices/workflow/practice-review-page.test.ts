import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { act, complete, createPractice, noticeOf, useWorkflowApp } from '../../../../tests/helpers/practice-workflow.ts';
import { catalogs } from '../../../platform/i18n/catalogs.ts';

// Issue 13, "forms that help": the author submits from the preview, and the editor's review page
// shows the text under review and speaks to the editor.

const w = useWorkflowApp();
const en = catalogs.en as Record<string, string>;
const escaped = (text: string) => text.replaceAll("'", '&#39;');

describe('submitting from the preview', () => {
  it('offers "Submit for review" on the author’s preview, with CSRF, and submits', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Vorschau mit Knopf' });
    const preview = await w.author.get(`/en/my/practices/${id}/preview`);
    assert.equal(preview.status, 200);
    const form = /<form method="post" action="\/en\/my\/practices\/(\d+)\/act"[^>]*>([\s\S]*?)<\/form>/.exec(w.author.lastHtml);
    assert.ok(form, 'a form posting to the practice’s actions');
    assert.equal(Number(form[1]), id);
    assert.match(form[2] ?? '', /name="_csrf" value="[^"]+"/);
    assert.match(form[2] ?? '', /name="action" value="submit"/);
    assert.match(form[2] ?? '', /Submit for review/);

    const res = await w.author.post(`/en/my/practices/${id}/act`, { action: 'submit' });
    assert.equal(await noticeOf(res), 'submitted');
    await w.author.get(`/en/my/practices/${id}/preview`);
    assert.doesNotMatch(w.author.lastHtml, /name="action" value="submit"/, 'nothing to submit once submitted');
  });

  it('offers no submit button where there is nothing to submit', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Schon eingereicht' });
    assert.equal((await w.other.get(`/en/my/practices/${id}/preview`)).status, 404, 'another member sees nothing');
    await act(w.author, 'my', id, 'submit');
    await act(w.editor, 'editor', id, 'start-review');
    await w.editor.get(`/en/editor/practices/${id}/preview`);
    assert.equal(w.editor.lastHtml.includes('Schon eingereicht'), true);
    assert.doesNotMatch(w.editor.lastHtml, /value="submit"/, 'a version in review is not submitted again');
  });
});

describe('the editor’s review page', () => {
  it('shows the full text under review, in each language, and the editor’s wording', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Zum Lesen für die Redaktion' });
    await w.author.get(`/en/my/practices/${id}/edit?lang=fr`);
    await w.author.post(`/en/my/practices/${id}/edit`, {
      ...complete,
      lang: 'fr',
      title: 'À lire par la rédaction',
      summary: 'La ville intègre les récupératrices dans la collecte.',
    });
    await act(w.author, 'my', id, 'submit');
    const page = await w.editor.get(`/en/editor/practices/${id}`);
    assert.equal(page.status, 200);
    const html = w.editor.lastHtml;
    assert.match(html, /<h2 id="review-text-title">The text under review<\/h2>/);
    for (const text of [complete.challenge, complete.results, complete.lessons, complete.transfer, complete.resources, complete.summary]) {
      assert.ok(html.includes(text), text);
    }
    assert.match(html, /<li>Genossenschaften gründen<\/li>/, 'numbered steps as a list');
    assert.match(html, /<div lang="de" dir="ltr"><h3>Zum Lesen für die Redaktion<\/h3>/);
    assert.match(html, /<div lang="fr" dir="ltr"><h3>À lire par la rédaction<\/h3>/, 'every language written');
    assert.match(html, /<h4 lang="en" dir="ltr">The challenge<\/h4>/);

    assert.ok(html.includes(escaped(en['practiceWorkflow.stateHelpEditor.submitted'] as string)), 'addressed to the editor');
    assert.ok(!html.includes(escaped(en['practiceWorkflow.stateHelp.submitted'] as string)), 'not to the author');

    // The author's page keeps the author's wording and has no copy of the text.
    await w.author.get(`/en/my/practices/${id}`);
    assert.ok(w.author.lastHtml.includes(escaped(en['practiceWorkflow.stateHelp.submitted'] as string)));
    assert.doesNotMatch(w.author.lastHtml, /review-text-title/);
  });

  it('tells the editor, not the author, what is missing', async () => {
    const id = await createPractice(w.author, { ...complete, city: '', title: 'Ohne Stadt' });
    await w.editor.get(`/en/editor/practices/${id}`);
    assert.ok(w.editor.lastHtml.includes(escaped(en['practiceWorkflow.missingTitleEditor'] as string)));
    assert.ok(!w.editor.lastHtml.includes(escaped(en['practiceWorkflow.missingTitle'] as string)));
  });
});
