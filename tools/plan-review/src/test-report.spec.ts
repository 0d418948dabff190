import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSummaries, renderTestReport, type JestSummary } from './test-report';

const ok: JestSummary = { project: 'eks', numTotalTests: 40, numFailedTests: 0, success: true, failedTests: [] };
const bad: JestSummary = {
  project: 'plan-review',
  numTotalTests: 100,
  numFailedTests: 2,
  success: false,
  failedTests: [
    { file: 'src/cost.spec.ts', test: 'costOf prices each node group' },
    { file: 'test/workflows.spec.ts', test: 'plan.yml posts the comment' },
  ],
};

describe('renderTestReport', () => {
  it('names every failed test with its project and file', () => {
    expect(renderTestReport('failure', [ok, bad])).toBe(
      [
        '### ❌ Tests failed: 2 in `plan-review`',
        '',
        '- `plan-review` `src/cost.spec.ts`: costOf prices each node group',
        '- `plan-review` `test/workflows.spec.ts`: plan.yml posts the comment',
        '',
        'The review below is complete; the Terraform plans run once the tests pass.',
        '',
      ].join('\n'),
    );
  });

  it('cuts a long list, and says so when no jest failure was recorded', () => {
    const many = { ...bad, numFailedTests: 30, failedTests: Array.from({ length: 30 }, (_, i) => ({ file: 'a.spec.ts', test: `t${i}` })) };
    expect(renderTestReport('failure', [many], 5)).toContain('- … and 25 more in the workflow log');
    expect(renderTestReport('failure', [ok])).toContain('no jest failure recorded');
  });

  it('one line when the tests passed or did not run', () => {
    expect(renderTestReport('success', [ok, { ...ok, project: 'efs', numTotalTests: 2 }])).toBe('✅ Tests of the affected projects passed (42 tests in 2 projects).\n');
    expect(renderTestReport('cancelled', [])).toContain('did not run (cancelled)');
  });
});

describe('readSummaries', () => {
  it('reads the reporter files of a folder, ignoring others, and an absent folder as none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-results-'));
    fs.writeFileSync(path.join(dir, 'eks-1.json'), JSON.stringify(ok));
    fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ hello: 1 }));
    expect(readSummaries(dir)).toEqual([ok]);
    expect(readSummaries(path.join(dir, 'absent'))).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });
});
