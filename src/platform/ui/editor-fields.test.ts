import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getI18n } from '../i18n/i18n.ts';
import { boundFields, PublishStatusSelect, TextsInLanguage } from './editor-fields.tsx';
import { FileField } from './file-field.tsx';

const i18n = getI18n('en');

describe('editor fields', () => {
  it('writes one language’s texts in that language and direction, keeping what was typed', () => {
    const fields = boundFields({
      i18n,
      values: { title: 'مدينة <خضراء>' },
      errors: { title: 'required' },
      labels: { title: 'Title', summary: 'Summary' },
    });
    const html = String(
      TextsInLanguage({
        legend: 'Texts in Arabic',
        lang: 'ar',
        fields,
        texts: [
          { name: 'title', required: true, maxlength: 300 },
          { name: 'summary', rows: 3, hint: 'Short' },
        ],
      }),
    );
    assert.match(
      html,
      /<input id="field-title" name="title" type="text" value="مدينة &lt;خضراء&gt;" required="" maxlength="300" dir="rtl" lang="ar" aria-invalid="true" aria-describedby="field-title-error"/,
    );
    assert.match(html, /<p class="field-error" id="field-title-error">/);
    assert.match(html, /<textarea id="field-summary" name="summary" rows="3" dir="rtl" lang="ar" aria-describedby="field-summary-hint">/);
  });

  it('shows an upload’s refusal as worded, named by the file input next to its hint', () => {
    const html = String(
      FileField({ i18n, name: 'cover', label: 'Cover', hint: 'JPEG or PNG', accept: 'image/png', message: 'At most 5 MB.' }),
    );
    assert.match(html, /<div class="field has-error">/);
    assert.match(html, /<p class="field-error" id="field-cover-error">At most 5 MB\.<\/p>/);
    assert.match(
      html,
      /type="file" id="field-cover" name="cover" accept="image\/png" aria-invalid="true" aria-describedby="field-cover-hint field-cover-error"/,
    );
    assert.doesNotMatch(String(FileField({ i18n, name: 'cover', label: 'Cover', accept: 'image/png' })), /aria-invalid|field-error/);
  });

  it('keeps a new piece a draft until published is chosen', () => {
    const html = String(PublishStatusSelect({ i18n, label: 'Status', value: '', text: (s) => s.toUpperCase() }));
    assert.match(html, /<option value="draft" selected="">DRAFT<\/option><option value="published">PUBLISHED<\/option>/);
  });
});
