// The corpus of bad environments: every file in ./fixtures is one mistake a
// user can make, with the field the error must name. Each must be refused by
// validateEnvironment with an issue at exactly that path, never by a throw.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateEnvironment, type ConfigIssue } from '@boomi-eks/config';
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
      // eslint-disable-next-line @typescript-eslint/no-require-imports
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

  it('holds at least 40 fixtures, each with a description, an expected path and an input', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
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

describe.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
  it(`is refused without a throw: ${fixture.description} → ${fixture.expectPath}`, () => {
    const { issues, thrown } = issuesOf(fixture.input);
    expect(thrown).toBeUndefined();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues).toContainEqual({
      path: fixture.expectPath,
      message: fixture.expectMessage === undefined ? expect.any(String) : expect.stringContaining(fixture.expectMessage),
    });
  });
});

// ---------------------------------------------------------------------------
// The app as users run it, on a few fixtures: exit code 1, the file and the
// field on stderr, no stack trace and no output.
// ---------------------------------------------------------------------------
const ROOT = workspaceRoot();
const APP_RUN_FIXTURES = ['unknown-field-typo.ts', 'heap-over-request-via-xmx.ts', 'capacity-overflow-hpa.ts', 'secret-name-missing.ts'];

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
