import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from './csv.ts';

describe('CSV for spreadsheets', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example","click")'), `"'=HYPERLINK(""http://evil.example"",""click"")"`);
    assert.equal(csvCell('+49 651 123'), `"'+49 651 123"`);
    assert.equal(csvCell('-5'), `"'-5"`);
    assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvCell(-5), '"-5"', 'numbers we write ourselves stay numbers');
    assert.equal(csvCell('Anna = Bernd'), '"Anna = Bernd"', 'only at the start');
  });

  it('starts with a BOM, quotes every field and ends lines with CRLF', () => {
    const file = toCsv(
      ['name', 'city'],
      [
        ['Rania Haddad', 'إربد'],
        ['O"Brien', 'Line\nbreak'],
      ],
    );
    assert.ok(file.startsWith('\uFEFF"name","city"\r\n'));
    assert.ok(file.includes('"O""Brien","Line\nbreak"\r\n'));
    assert.ok(file.includes('"Rania Haddad","إربد"'));
    assert.ok(file.endsWith('\r\n'));
  });
});
