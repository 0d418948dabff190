// The corpus of bad environments: every file in ./fixtures is one mistake a
// user can make, with the field the error must name. Each must be refused by
// validateEnvironment with an issue at exactly that path, never by a throw.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateEnvironment, type ConfigIssue } from '@boomi-eks/config';
import { formatIssue } from '@boomi-eks/primitives';
import { workspaceRoot } from '@boomi-eks/testing';
import { validBase, type BadConfigFixture } from './base';

const FIXTURES_DIR = path.join(__dirname, 'fixtures');

interface LoadedFixture extends BadConfigFixture {
  readonly file: string;
}

/** Every fixture file, read at run time: adding a file adds a test. */
function loadFixtures(): LoadedFixture[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((file) => {
      const mod = require(path.join(FIXTURES_DIR, file)) as Partial<BadConfigFixture>;
      return { file, ...mod } as LoadedFixture;
    });
}

const fixtures = loadFixtures();

/** Validates and returns the issues; a throw is returned as the error, so the test can say so. */
function issuesOf(input: unknown): { issues: readonly ConfigIssue[]; thrown?: unknown } {
  try {
    const result = validateEnvironment(input);
    return { issues: result.ok ? [] : result.issues };
  } catch (thrown) {
    return { issues: [], thrown };
  }
}

describe('the bad-config corpus', () => {
  it('starts from a valid base, so each fixture fails only for the reason it names', () => {
    expect(issuesOf(validBase())).toEqual({ issues: [] });
  });

  it('holds at least 120 fixtures, each with a description, an expected path and an input', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(120);
    for (const f of fixtures) {
      expect({ file: f.file, description: typeof f.description, expectPath: typeof f.expectPath, input: typeof f.input }).toEqual({
        file: f.file,
        description: 'string',
        expectPath: 'string',
        input: 'object',
      });
      if (f.expectMessage !== undefined) expect(typeof f.expectMessage).toBe('string');
    }
    const descriptions = fixtures.map((f) => f.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});

// Every row of issue 18's table (what a new user tried, accepted silently or
// ended in a stack trace before) and where it is now refused: a fixture here,
// or the test of the tool the row is about. `latest` image tags are issue 17's.
const ISSUE_18_ROWS: readonly [row: string, where: string][] = [
  ['AZ us-east-1z', 'az-letter-not-in-region.ts'],
  ["cluster.endpoint.publicAccessCidrs: ['0.0.0.0/0']", 'endpoint-open-to-internet.ts'],
  ['syntax error in an environment file', 'test/loader/loader.spec.ts'],
  ['an environment file with no default export', 'test/loader/loader.spec.ts'],
  ['accountId: process.env.AWS_ACCOUNT_ID!.trim() with the variable unset', 'test/loader/loader.spec.ts'],
  ['BOOMI_ENVIRONMENTS_DIR pointing at a missing folder', 'test/loader/loader.spec.ts'],
  ['empty environments folder', 'test/loader/loader.spec.ts'],
  ['files staging_eu.ts, QA.ts', 'test/loader/loader.spec.ts'],
  ['renaming an environment', 'test/loader/loader.spec.ts'],
  ['state bucket boomi..tfstate', 'bucket-adjacent-periods.ts'],
  ['state bucket 192.168.10.20', 'bucket-ip-address.ts'],
  ['state bucket xn--boomi-tfstate', 'bucket-xn-prefix.ts'],
  ['state bucket boomi-tfstate-s3alias', 'bucket-s3alias-suffix.ts'],
  ["state.region: 'us-east1'", 'state-region-missing-dash.ts'],
  ["region: 'us-east-9' with AZs us-east-9a..c", 'region-unknown-number.ts'],
  ['cluster.name of 100 characters', 'cluster-name-100-chars.ts'],
  ['tag aws:team', 'tag-aws-prefix.ts'],
  ['a 300-character tag value', 'tag-value-300-chars.ts'],
  ['tag key Cost$Center', 'tag-key-dollar.ts'],
  ['AZ us-east-1e in us-east-1', 'az-eks-control-plane-refused.ts'],
  ["autoscaler.extraArgs: { 'max-nodes-total': '5' }", 'extra-args-max-nodes-total.ts'],
  ["vmOptionsOverrides: '-XX:MaxRAMPercentage=95'", 'heap-via-max-ram-percentage.ts'],
  ['dev and prod with the same cluster.name in one account and region', 'test/policy/derived-names.policy.ts'],
  ['1,000 node groups', 'node-groups-1000.ts'],
  ['export:manifests -- --ids staging=fs-1:fsap-1', 'src/export-manifests.spec.ts'],
  ['plan-review with a broken environment file', '../../tools/plan-review/src/synth-ref.spec.ts'],
];

describe("issue 18's table", () => {
  it.each(ISSUE_18_ROWS)('%s: refused by %s', (_row, where) => {
    if (/\.(spec|policy)\.ts$/.test(where)) expect(fs.existsSync(path.join(__dirname, '../..', where))).toBe(true);
    else expect(fixtures.map((f) => f.file)).toContain(where);
  });
});

describe.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
  it(`is refused without a throw: ${fixture.description} → ${fixture.expectPath}`, () => {
    const { issues, thrown } = issuesOf(fixture.input);
    expect(thrown).toBeUndefined();
    expect(issues.length).toBeGreaterThan(0);
    // The issue at the expected path, as users read it (`path: (value) problem: fix`), holds the expected text.
    const printedAtPath = issues.filter((i) => i.path === fixture.expectPath).map(formatIssue);
    expect(printedAtPath).toContainEqual(
      fixture.expectMessage === undefined ? expect.stringMatching(/^/) : expect.stringContaining(fixture.expectMessage),
    );
    // Every issue is one PropsIssue: the value, the problem and the fix apart.
    for (const i of issues) expect(Object.keys(i).sort()).toEqual(['fix', 'message', 'path', 'value']);
    // One mistake, one error: nothing but the expected issue (and the ones the fixture names).
    expect(issues.map((i) => i.path).sort()).toEqual([fixture.expectPath, ...(fixture.alsoExpectPaths ?? [])].sort());
  });
});

// ---------------------------------------------------------------------------
// The app as users run it, on a few fixtures: exit code 1, the file and the
// field on stderr, no stack trace and no output.
// ---------------------------------------------------------------------------
const ROOT = workspaceRoot();
const APP_RUN_FIXTURES = [
  'unknown-field-typo.ts',
  'heap-over-request-via-xmx.ts',
  'capacity-overflow-hpa.ts',
  'secret-name-missing.ts',
  'az-letter-not-in-region.ts',
  'extra-args-max-nodes-total.ts',
];

describe('main.ts refuses a bad environment file', () => {
  const temp: string[] = [];
  afterAll(() => temp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  function runAppOn(fixture: LoadedFixture) {
    const envDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-config-envs-'));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-config-out-'));
    temp.push(envDir, outdir);
    // Rendered as users write it: a file whose default export is the environment.
    fs.writeFileSync(path.join(envDir, fixture.file), `export default ${JSON.stringify(fixture.input, null, 2)};\n`);
    const result = spawnSync(
      process.execPath,
      ['tools/synth/synth.js'], // what `npm run synth` runs
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, BOOMI_ENVIRONMENTS_DIR: envDir, CDKTF_OUTDIR: outdir, CI: 'true', CHECKPOINT_DISABLE: '1' },
      },
    );
    return { ...result, outdir };
  }

  it('the fixtures it runs exist', () => {
    expect(fixtures.map((f) => f.file)).toEqual(expect.arrayContaining(APP_RUN_FIXTURES));
  });

  it.each(APP_RUN_FIXTURES)('%s: exit 1, "<file>: <field>:" on stderr, no stack trace, no stacks written', (file) => {
    const fixture = fixtures.find((f) => f.file === file)!;
    const { status, stderr, outdir } = runAppOn(fixture);
    expect(stderr).toContain(`${file}: ${fixture.expectPath}: `);
    if (fixture.expectMessage) expect(stderr).toContain(fixture.expectMessage);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(status).toBe(1);
    expect(fs.existsSync(path.join(outdir, 'stacks'))).toBe(false);
  }, 60_000);
});
