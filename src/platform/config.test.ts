import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives working defaults for a two-command start', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.DATA_DIR, './data');
    assert.equal(config.DATABASE_URL, undefined);
    assert.equal(config.BASE_URL, 'http://localhost:3000');
    assert.equal(config.NODE_ENV, 'development');
    assert.equal(config.SEED_DEMO, true);
  });

  it('reads and coerces the variables', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/p',
      BASE_URL: 'https://peers.example.org/',
      SEED_DEMO: 'false',
    });
    assert.equal(config.PORT, 8080);
    assert.equal(config.DATABASE_URL, 'postgres://u@db:5432/p');
    assert.equal(config.BASE_URL, 'https://peers.example.org');
    assert.equal(config.SEED_DEMO, false);
  });

  it('treats empty values as unset', () => {
    assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT, 3000);
  });

  it('stops with one line naming the bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (error: unknown) =>
        error instanceof ConfigError && /^Invalid configuration: PORT /.test(error.message) && !error.message.includes('\n'),
    );
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' }), /DATABASE_URL must start with postgres:\/\//);
  });

  it('never echoes a value, which may be a secret', () => {
    assert.throws(
      () => loadConfig({ SESSION_SECRET: 'short-secret-value' }),
      (error: unknown) =>
        error instanceof ConfigError && error.message.includes('SESSION_SECRET') && !error.message.includes('short-secret-value'),
    );
  });

  it('requires SESSION_SECRET in production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET is required when NODE_ENV=production/);
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) });
    assert.equal(config.isProduction, true);
  });
  it('sends the office contact to OFFICE_EMAIL, else to the address of MAIL_FROM', () => {
    assert.equal(loadConfig({}).OFFICE_EMAIL, 'no-reply@localhost');
    assert.equal(loadConfig({ MAIL_FROM: 'Peerpolis <Office@Network.example.org>' }).OFFICE_EMAIL, 'office@network.example.org');
    assert.equal(loadConfig({ OFFICE_EMAIL: 'contact@network.example.org' }).OFFICE_EMAIL, 'contact@network.example.org');
    assert.throws(() => loadConfig({ OFFICE_EMAIL: 'office' }), /OFFICE_EMAIL must be an e-mail address/);
  });

  it('reads the regional coordinators as region=address pairs, never echoing an address', () => {
    // None unless set, but in development the demo's, on a reserved example domain.
    assert.deepEqual(loadConfig({ NODE_ENV: 'test' }).REGIONAL_COORDINATORS, []);
    assert.deepEqual(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).REGIONAL_COORDINATORS, []);
    const demo = loadConfig({}).REGIONAL_COORDINATORS;
    assert.ok(demo.length >= 5 && demo.every((c) => c.email === `${c.region}@coordinators.peerpolis.example`));
    assert.deepEqual(
      loadConfig({ REGIONAL_COORDINATORS: ' mena = MENA@office.example.org, asia=asia@office.example.org,' }).REGIONAL_COORDINATORS,
      [
        { region: 'mena', email: 'mena@office.example.org' },
        { region: 'asia', email: 'asia@office.example.org' },
      ],
    );
    assert.throws(() => loadConfig({ REGIONAL_COORDINATORS: 'mena@office.example.org' }), /REGIONAL_COORDINATORS needs "region=address"/);
    assert.throws(
      () => loadConfig({ REGIONAL_COORDINATORS: 'mena=not-an-address' }),
      (error: unknown) => error instanceof ConfigError && /region "mena"/.test(error.message) && !error.message.includes('not-an-address'),
    );
    assert.throws(() => loadConfig({ REGIONAL_COORDINATORS: 'asia=a@x.example,asia=b@x.example' }), /names region "asia" twice/);
  });
});
