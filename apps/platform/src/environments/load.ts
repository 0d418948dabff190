import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { ConfigError } from '@boomi-eks/config';
import { EnvironmentFileError, type SourceLocation } from '../environment-file-error';

/** What an environment file is named: `<name>.ts` (or .js), lower-case letters, digits and -. */
export const ENVIRONMENT_FILE_RE = /^[a-z][a-z0-9-]*\.(ts|js)$/;
const NAMING_RULE = 'an environment file is named <name>.ts: a lower-case letter, then lower-case letters, digits or - (e.g. staging-eu.ts)';
/** Files in the folder that are not environments: the loader itself, an index, type declarations, docs, dotfiles. */
const NOT_AN_ENVIRONMENT = (f: string) => /^(load|index)\.(ts|js)$/.test(f) || f.endsWith('.d.ts') || f.endsWith('.md') || f.startsWith('.');

/** A name that follows the rule, for the hint: `staging_eu.ts` → `staging-eu.ts`. */
function suggestedName(file: string): string {
  const stem = file.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '');
  return `${stem || 'env'}.ts`;
}

/** Every environment file of a folder, or an error naming the folder or the first misnamed file. */
export function environmentFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new EnvironmentFileError(
      dir,
      code === 'ENOENT' ? 'the environments folder does not exist' : `the environments folder cannot be read (${code ?? String(e)})`,
      'point BOOMI_ENVIRONMENTS_DIR at a folder of environment files, or unset it to use apps/platform/src/environments',
    );
  }
  const files = entries.filter((e) => !e.isDirectory() && !NOT_AN_ENVIRONMENT(e.name)).map((e) => e.name).sort();
  const misnamed = files.filter((f) => !ENVIRONMENT_FILE_RE.test(f));
  if (misnamed.length > 0) {
    throw new EnvironmentFileError(
      path.join(dir, misnamed[0]),
      `is not loaded: its name breaks the rule (${NAMING_RULE})` + (misnamed.length > 1 ? `; so do ${misnamed.slice(1).join(', ')}` : ''),
      `rename it to ${suggestedName(misnamed[0])}, or move it out of ${dir}`,
    );
  }
  if (files.length === 0) {
    throw new EnvironmentFileError(dir, 'the environments folder holds no environment file', `add one (${NAMING_RULE}) whose default export is the environment`);
  }
  return files;
}

/** Line and column as written of what went wrong in `file`, when the error says. */
function locationOf(error: unknown, file: string): SourceLocation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  // esbuild's syntax errors (synth.js and tsx both compile with esbuild): column is 0-based.
  const loc = (error as { errors?: { location?: { line: number; column: number } | null }[] }).errors?.[0]?.location;
  if (loc) return { line: loc.line, column: loc.column + 1 };
  // tsx's TransformError (a syntax error): `<file>:<line>:<0-based column>: ERROR: <text>` in its message.
  const transform = esbuildMessage(error);
  if (transform) return { line: transform.line, column: transform.column + 1 };
  let stack: string;
  try {
    stack = String((error as Error).stack ?? '');
  } catch {
    return undefined;
  }
  // tsx and jest: their stack traces are source-mapped already.
  const m = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`).exec(stack);
  if (m) return { line: Number(m[1]), column: Number(m[2]) };
  // The bundle of tools/synth/synth.js: its first frame, through the bundle's source map.
  return bundleFrameInSource(stack, file);
}

/**
 * The first stack frame in a JavaScript file with a source map beside it
 * (`<bundle>.js` and `<bundle>.js.map`, as tools/synth/synth.js writes them)
 * that maps into `file`: where in the environment file as written.
 */
function bundleFrameInSource(stack: string, file: string): SourceLocation | undefined {
  const maps = new Map<string, SourceMap | undefined>();
  for (const frame of stack.matchAll(/^\s+at (?:.*\()?(\/[^():]+\.js):(\d+):(\d+)\)?$/gm)) {
    const [, js, line, column] = frame;
    if (!maps.has(js)) maps.set(js, readSourceMap(js));
    const entry = maps.get(js)?.findEntry(Number(line) - 1, Number(column) - 1) as Partial<{ originalSource: string; originalLine: number; originalColumn: number }> | undefined;
    if (entry?.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) continue;
    const source = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : path.resolve(path.dirname(js), entry.originalSource);
    if (source === path.resolve(file)) return { line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  }
  return undefined;
}

function readSourceMap(js: string): SourceMap | undefined {
  try {
    return new SourceMap(JSON.parse(fs.readFileSync(`${js}.map`, 'utf8')));
  } catch {
    return undefined;
  }
}

/** tsx reports esbuild's syntax errors as a TransformError whose message holds the location and text. */
function esbuildMessage(error: unknown): { line: number; column: number; text: string } | undefined {
  if (!(error instanceof Error) || error.name !== 'TransformError') return undefined;
  const m = /:(\d+):(\d+): ERROR: (.*)/.exec(error.message);
  return m ? { line: Number(m[1]), column: Number(m[2]), text: m[3] } : undefined;
}

/** The error's own message, never its stack or an esbuild object dump. */
function messageOf(error: unknown): string {
  const esbuildText = (error as { errors?: { text?: string }[] })?.errors?.[0]?.text ?? esbuildMessage(error)?.text;
  if (typeof esbuildText === 'string') return esbuildText;
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
  return `threw ${typeof error === 'string' ? `'${error}'` : String(error)}`;
}

/** Evaluates an environment file and returns its exports. */
export type EvaluateEnvironmentFile = () => { default?: unknown };

/**
 * The environment files of a folder compiled ahead of the run, by
 * tools/synth/synth.js (`npm run synth`), which bundles them with esbuild
 * (tools/synth/environment-modules.js) and hands them to the app.
 */
export interface BundledEnvironments {
  /** The folder they were bundled from (absolute). */
  readonly dir: string;
  /** By file name (`dev.ts`): evaluates the file and returns its exports. */
  readonly modules: Readonly<Record<string, EvaluateEnvironmentFile>>;
}

/**
 * Loads one environment file; any failure becomes an EnvironmentFileError (a
 * ConfigError passes through). `evaluate` runs the file when it was compiled
 * ahead (BundledEnvironments); by default it is required.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export function loadEnvironmentFile(file: string, evaluate: EvaluateEnvironmentFile = () => require(file)): unknown {
  let mod: { default?: unknown };
  try {
    mod = evaluate();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const syntax = Array.isArray((error as { errors?: unknown })?.errors) || error instanceof SyntaxError || (error as Error)?.name === 'TransformError';
    throw new EnvironmentFileError(
      file,
      syntax ? `syntax error: ${messageOf(error)}` : `threw while it was evaluated: ${messageOf(error)}`,
      syntax
        ? 'fix the TypeScript at that line: an environment file is `export default { ... } satisfies EnvironmentInput`'
        : 'an environment file only builds data: check the expression at that line (an unset environment variable read with process.env is the usual cause)',
      locationOf(error, file),
    );
  }
  if (mod.default === undefined) {
    throw new EnvironmentFileError(
      file,
      'has no default export',
      "export the environment as default: `export default { name: '...', ... } satisfies EnvironmentInput`",
    );
  }
  return mod.default;
}

/**
 * Every environment file in this folder (`<name>.ts` with a default export),
 * keyed by file name. Adding an environment is adding a file here. A missing
 * or empty folder, a file the naming rule would skip, and a file that does
 * not load are EnvironmentFileErrors. `modules` are the folder's files as
 * compiled ahead (BundledEnvironments['modules']); without them each file
 * is required.
 */
export function loadEnvironmentFiles(dir: string = __dirname, modules?: Readonly<Record<string, EvaluateEnvironmentFile>>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const file of environmentFiles(dir)) {
    const evaluate = modules?.[file];
    if (modules && !evaluate) {
      throw new EnvironmentFileError(path.join(dir, file), 'was not compiled with the others: it was added while the synth ran', 'run the synth again (npm run synth)');
    }
    inputs[file] = loadEnvironmentFile(path.join(dir, file), evaluate);
  }
  return inputs;
}
