import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeParts, headerOf } from '../../../../tests/helpers/newsletter-sending.ts';
import { composeEditionMail, parseMailbox } from './edition-mime.model.ts';

// The edition mail's bytes: encoded, folded headers that no text can break out of, base64 bodies.

describe('edition mail composition', () => {
  const mail = composeEditionMail({
    from: parseMailbox('Réseau Peerpolis <news@peerpolis.test>'),
    to: 'leila@city.example',
    subject: 'العدد رقم 35: تبادل الخبرات بين المدن في منطقة الشرق الأوسط وشمال أفريقيا\r\nBcc: evil@example.org',
    html: '<html lang="ar" dir="rtl"><p>مرحبا</p></html>',
    text: 'مرحبا',
    headers: { Precedence: 'bulk', 'List-Unsubscribe': `<https://peerpolis.test/newsletter/unsubscribe/${'a'.repeat(64)}>` },
    messageId: '<newsletter-1-2@peerpolis.test>',
    now: new Date('2026-12-04T10:00:00Z'),
  });

  it('encodes non-ASCII headers, folds long ones, and lets no line break add a header', () => {
    const head = mail.raw.split('\r\n\r\n')[0] ?? '';
    assert.ok(
      head.split('\r\n').every((line) => line.length <= 998 && /^[\x20-\x7e]*$/.test(line)),
      'seven-bit header lines',
    );
    assert.doesNotMatch(head, /^Bcc:/im);
    assert.match(head, /^Subject: =\?UTF-8\?B\?/m);
    assert.match(head, /^From: =\?UTF-8\?B\?UsOpc2VhdQ==\?= Peerpolis <news@peerpolis\.test>$/m, 'Réseau encoded');
    assert.equal(headerOf(mail.raw, 'Date'), 'Fri, 04 Dec 2026 10:00:00 +0000');
    assert.equal(headerOf(mail.raw, 'List-Unsubscribe'), `<https://peerpolis.test/newsletter/unsubscribe/${'a'.repeat(64)}>`);
    assert.deepEqual(mail.envelope, { from: 'news@peerpolis.test', to: ['leila@city.example'] });
  });

  it('carries the text and the HTML as base64 parts of a multipart/alternative', () => {
    assert.match(mail.raw, /Content-Type: multipart\/alternative;\r\n boundary="([^"]+)"/);
    const decoded = decodeParts(mail.raw);
    assert.ok(decoded.includes('<html lang="ar" dir="rtl"><p>مرحبا</p></html>'));
    const body = mail.raw.slice(mail.raw.indexOf('\r\n\r\n'));
    assert.ok(
      body.split('\r\n').every((line) => line.length <= 78),
      'no body line longer than 78 characters',
    );
  });
});
