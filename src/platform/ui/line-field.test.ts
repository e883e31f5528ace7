import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanLine, lineField } from './line-field.ts';

describe('one-line fields', () => {
  it('turns line breaks, tabs and control characters into one space', () => {
    assert.equal(cleanLine('  Amal\r\nBcc: evil@example.org\t\u0007 Haddad\u2028x\u0085y\u007f '), 'Amal Bcc: evil@example.org Haddad x y');
  });

  it('keeps letters of every script and the marks right-to-left text needs', () => {
    assert.equal(cleanLine('أمل\u200f حداد – Straßenbäume'), 'أمل\u200f حداد – Straßenbäume');
  });

  it('is empty when absent, refuses empty when required and counts the cleaned length', () => {
    assert.deepEqual(lineField(5).safeParse(undefined), { success: true, data: '' });
    assert.equal(lineField(5, { required: true }).safeParse(' \r\n ').error?.issues[0]?.message, 'required');
    assert.equal(lineField(5).safeParse('a\r\n\r\nb').data, 'a b');
    assert.equal(lineField(2, { tooLong: 'subjectTooLong' }).safeParse('abc').error?.issues[0]?.message, 'subjectTooLong');
  });
});
