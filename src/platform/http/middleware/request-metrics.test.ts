import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeLabel, withoutConstraints } from './request-metrics.ts';

describe('request metrics: route labels', () => {
  it('leaves out parameters’ regexes, nested braces included', () => {
    assert.equal(withoutConstraints('/:locale{(?:en|de|fr|es|ar)}/themes'), '/:locale/themes');
    assert.equal(
      withoutConstraints('/:locale{(?:en|de)}/editor/newsletter/:number{[1-9][0-9]{0,8}}/preview'),
      '/:locale/editor/newsletter/:number/preview',
    );
    assert.equal(withoutConstraints('/healthz'), '/healthz');
  });

  it('names the last handler that is not a middleware, else "unmatched"', () => {
    const middleware = { path: '/*', method: 'ALL' };
    assert.equal(routeLabel([middleware, { path: '/:locale{(?:en)}/practices/:slug', method: 'GET' }]), '/:locale/practices/:slug');
    assert.equal(routeLabel([middleware, { path: '/:locale/*', method: 'ALL' }]), 'unmatched');
    assert.equal(routeLabel([]), 'unmatched');
  });
});
