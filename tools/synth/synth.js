#!/usr/bin/env node
// Runs the cdktf app (apps/platform/src/main.ts) fast: esbuild bundles our
// TypeScript into one CommonJS module in memory (dependencies stay external),
// and this process runs it. Environment files, which the app discovers at run
// time, are compiled by esbuild when required. Against `tsx main.ts` this
// saves tsx's loader hooks and, above all, the source-mapped stack traces that
// cdktf captures for every token (measured: 1.6 s → 0.7 s for the shipped
// environments; see tools/bench). Set BOOMI_SYNTH_SOURCE_MAPS=1 to get stack
// traces mapped to the TypeScript sources, and cdktf's token creation stacks
// (slower).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'apps/platform/src/main.ts');
const sourceMaps = process.env.BOOMI_SYNTH_SOURCE_MAPS === '1';
// One cache per checkout (worktrees may share node_modules through a symlink).
const cacheRoot = path.join(
  root,
  'node_modules/.cache/boomi-eks-synth',
  require('node:crypto').createHash('sha256').update(root).digest('hex').slice(0, 12),
);

/**
 * The bundle, rebuilt only when one of its inputs changed (size or mtime, as
 * recorded by esbuild's metafile), like tsx's own cache: a stat of ~100 files
 * instead of a bundling run. Kept under node_modules/.cache, never committed.
 */
/** Writes a file whole or not at all: parallel runs (tests) share the cache. */
function writeAtomic(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function bundle() {
  const cacheFile = path.join(cacheRoot, sourceMaps ? 'main.maps.json' : 'main.json');
  const stamp = (file) => {
    try {
      const st = fs.statSync(path.join(root, file));
      return `${st.size}:${st.mtimeMs}`;
    } catch {
      return 'missing';
    }
  };
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    if (Object.entries(cached.inputs).every(([file, s]) => stamp(file) === s)) return cached.code;
  } catch {
    // no cache yet, or unreadable: build
  }
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'apps/platform/tsconfig.app.json'),
    sourcemap: sourceMaps ? 'inline' : false,
    write: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs), 'tsconfig.base.json', 'apps/platform/tsconfig.app.json'].map((f) => [f, stamp(f)]),
  );
  writeAtomic(cacheFile, JSON.stringify({ inputs, code }));
  return code;
}

// Environment files (`environments/<name>.ts`, or BOOMI_ENVIRONMENTS_DIR) are
// required by the app at run time: compile each with esbuild on require.
// A file's compiled code is cached by size and mtime, like the bundle, with
// its source map: an exception thrown while the file is evaluated gets the
// line and column as written (`error.environmentFileLocation`), which the
// loader (apps/platform/src/environments/load.ts) reports. A syntax error is
// esbuild's, whose `errors[0].location` is already as written.
const envCacheDir = path.join(cacheRoot, 'environments');
const { SourceMap } = Module;

/** Line and column (1-based) as written of the first stack frame in `filename`. */
function locationInSource(error, filename, map) {
  let stack;
  try {
    stack = String(error.stack);
  } catch {
    return undefined;
  }
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return undefined;
  const entry = new SourceMap(JSON.parse(map)).findEntry(Number(m[1]) - 1, Number(m[2]) - 1);
  if (entry.originalLine === undefined) return undefined;
  return { file: filename, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

require.extensions['.ts'] = (module, filename) => {
  const st = fs.statSync(filename);
  const key = `${filename}:${st.size}:${st.mtimeMs}`;
  const cacheFile = path.join(envCacheDir, `${Buffer.from(filename).toString('base64url')}.json`);
  let compiled;
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    if (cached.key === key && typeof cached.map === 'string') compiled = cached;
  } catch {
    // not cached yet
  }
  if (compiled === undefined) {
    const { code, map } = esbuild.transformSync(fs.readFileSync(filename, 'utf8'), {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'external',
      logLevel: 'silent',
    });
    compiled = { key, code, map };
    writeAtomic(cacheFile, JSON.stringify(compiled));
  }
  try {
    module._compile(compiled.code, filename);
  } catch (error) {
    if (error !== null && typeof error === 'object' && error.environmentFileLocation === undefined) {
      const location = locationInSource(error, filename, compiled.map);
      if (location) Object.defineProperty(error, 'environmentFileLocation', { value: location, enumerable: false });
    }
    throw error;
  }
};

if (sourceMaps) {
  process.setSourceMapsEnabled(true);
} else {
  // cdktf records a full stack trace for every token it creates (for an error
  // message that names where a token that fails to resolve was made): a plain
  // object passed to Error.captureStackTrace. Formatting those was the largest
  // per-environment cost of a synth (~25 ms per environment, see tools/bench).
  // Give those captures an empty stack, and real errors the usual V8 format.
  // BOOMI_SYNTH_SOURCE_MAPS=1 restores everything (and maps to the sources).
  Error.prepareStackTrace = (error, frames) => {
    if (!(error instanceof Error)) return '';
    let head;
    try {
      head = String(error);
    } catch {
      head = '<error>';
    }
    return head + frames.map((frame) => `\n    at ${frame}`).join('');
  };
}

// Run the bundle as if it were main.ts itself: same __dirname and module resolution.
const app = new Module(entry, module);
app.filename = entry;
app.paths = Module._nodeModulePaths(path.dirname(entry));
app._compile(bundle(), entry);
