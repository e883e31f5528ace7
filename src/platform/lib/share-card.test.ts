import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { drawShareCard, pruneShareCards, SHARE_CARD, shareCard, shareCardVersion } from './share-card.ts';

const dir = mkdtempSync(join(tmpdir(), 'peerpolis-cards-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Mean brightness of the title area: the card's plain blue there when nothing is drawn. */
async function titleInk(png: Buffer): Promise<number> {
  const stats = await sharp(png).extract({ left: 60, top: 50, width: 1080, height: 400 }).stats();
  return stats.channels.slice(0, 3).reduce((sum, c) => sum + c.mean, 0) / 3;
}

describe('share cards', () => {
  it('draws a 1200×630 PNG with the title, in Latin and in Arabic script', async () => {
    const blank = await titleInk(await drawShareCard({ title: '', siteName: 'Peerpolis' }));
    for (const title of ['Kommunale Abfallwirtschaft mit Müllsammlerinnen', 'إدارة النفايات في المدن مع التعاونيات']) {
      const png = await drawShareCard({ title, siteName: 'Peerpolis' });
      const info = await sharp(png).metadata();
      assert.equal(info.format, 'png');
      assert.equal(info.width, SHARE_CARD.width);
      assert.equal(info.height, SHARE_CARD.height);
      assert.ok((await titleInk(png)) > blank + 3, `white title text drawn: ${title}`);
    }
  });

  it('leaves out a title in a script its fonts do not cover (no boxes instead of letters)', async () => {
    const blank = await titleInk(await drawShareCard({ title: '', siteName: 'Peerpolis' }));
    assert.equal(await titleInk(await drawShareCard({ title: '城市废物管理', siteName: 'Peerpolis' })), blank);
  });

  it('draws a card once per content version and keeps it on disk', async () => {
    const content = { key: 'practice:1:en:Sorting waste', title: 'Sorting waste', siteName: 'Peerpolis' };
    const [a, b] = await Promise.all([shareCard(dir, content), shareCard(dir, content)]);
    assert.equal(a.version, shareCardVersion(content.key));
    assert.deepEqual(a.png, b.png);
    assert.deepEqual(readdirSync(dir), [`${a.version}.png`]);
    const renamed = await shareCard(dir, { ...content, key: 'practice:1:en:Sorting waste together', title: 'Sorting waste together' });
    assert.notEqual(renamed.version, a.version);
    assert.equal(readdirSync(dir).length, 2);
  });

  it('prunes cards drawn more than a month ago, and they are drawn again when asked for', async () => {
    const content = { key: 'practice:2:en:Old title', title: 'Old title', siteName: 'Peerpolis' };
    const old = await shareCard(dir, content);
    const file = join(dir, `${old.version}.png`);
    const monthAgo = new Date(Date.now() - 31 * 86_400_000);
    utimesSync(file, monthAgo, monthAgo);
    writeFileSync(join(dir, 'notes.txt'), 'not a card');
    const before = readdirSync(dir).length;
    assert.equal(await pruneShareCards(dir), 1);
    assert.equal(readdirSync(dir).length, before - 1, 'the old card went; newer cards and other files stay');
    assert.ok(readdirSync(dir).includes('notes.txt'));
    assert.deepEqual((await shareCard(dir, content)).png, old.png);
  });
});
