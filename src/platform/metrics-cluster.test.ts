import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

// Under `npm run start:cluster` one scrape reaches one process: it must report every process's counters,
// summed, and the job queue once (it is the database's, not a process's).

describe('/metrics under the cluster', () => {
  it('sums every process’s counters and reports the queue once', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/metrics-cluster.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 0, `signal ${run.signal}, error ${run.error?.message}: ${run.stderr}`);
    const lines = run.stdout.split('\n');
    const value = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).map((l) => Number(l.split(' ').pop()));
    assert.deepEqual(value('peerpolis_http_requests_total{method="GET",route="/:locale/",status="2xx"}'), [5], '2 + 3 requests');
    assert.deepEqual(value('peerpolis_http_request_duration_seconds_count{method="GET",route="/:locale/"}'), [5]);
    assert.deepEqual(value('peerpolis_jobs_queued{state="due"}'), [4], 'the queue once, not once per process');
    assert.deepEqual(value('peerpolis_jobs_oldest_due_seconds'), [12]);
  });
});
