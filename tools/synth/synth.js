#!/usr/bin/env node
// `npm run synth`: runs the cdktf app (apps/platform/src/main.ts) fast, as
// plain JavaScript. Nothing of Node is patched: no loader hook, no
// require.extensions, no global Error.prepareStackTrace.
//
// Two bundles, made by esbuild and cached under node_modules/.cache:
//  1. the app: main.ts with our libs and its dependencies (cdktf, the
//     providers, cdk8s) in one CommonJS file. One file loads faster than the
//     ~1,000 modules it replaces (no resolution, one compile), and Node's
//     public vm API keeps V8's code cache of it beside it, so the next run
//     skips most of the compiling (on Node 22, module.enableCompileCache does
//     this for every module). Rebuilt when one of its sources changes (size or
//     mtime) or the installed packages do (package-lock.json).
//  2. the environments: the files of the environments folder
//     (apps/platform/src/environments, or BOOMI_ENVIRONMENTS_DIR), found here,
//     when they are bundled, each behind a function
//     (tools/synth/environment-modules.js). One small bundle per folder,
//     rebuilt when the folder's listing or a file changes. A file that does not
//     compile is bundled as a module throwing esbuild's error, so that the app's
//     loader reports it like any other broken file (file:line:column, the line,
//     a hint; apps/platform/src/environments/load.ts), and an exception while a
//     file is evaluated is located by the loader through this bundle's source
//     map, written beside it.
// Then it calls the app's run() with the environments.
//
// BOOMI_SYNTH_SOURCE_MAPS=1 maps stack traces to the TypeScript sources
// (Node's own source-map support; slower: cdktf captures a stack per token).
// Measured with tools/bench (docs/performance.md).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const vm = require('node:vm');
const esbuild = require('esbuild');
const { environmentModulesSource } = require('./environment-modules');

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'apps/platform/src/main.ts');
const tsconfig = path.join(root, 'apps/platform/tsconfig.app.json');
const envDir = path.resolve(process.env.BOOMI_ENVIRONMENTS_DIR || path.join(root, 'apps/platform/src/environments'));
const sourceMaps = process.env.BOOMI_SYNTH_SOURCE_MAPS === '1';
const hash = (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
// One cache per checkout (worktrees may share node_modules through a symlink).
const cacheDir = path.join(root, 'node_modules/.cache/boomi-eks-synth', hash(root));
const appFile = path.join(cacheDir, 'app.js');
const envFile = path.join(cacheDir, `environments-${hash(envDir)}.js`);
/** Inputs that stand for every installed package: an install rewrites them. */
const PACKAGES_STAMP = ['package-lock.json', 'node_modules/.package-lock.json'];
/** Environment bundles of folders not synthesized for this long are removed (tests and the bench make many). */
const CACHE_TTL_MS = 7 * 24 * 3600 * 1000;

/** size:mtime of a file (relative to the root), as the cache key of a bundle input. */
function stamp(file) {
  try {
    const st = fs.statSync(path.resolve(root, file));
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The names in the environments folder (an input: a new file means a new bundle), or null. */
function listing() {
  try {
    return fs.readdirSync(envDir).sort();
  } catch {
    return null;
  }
}

/** Writes a file whole or not at all: parallel runs (tests) share the cache. */
function writeAtomic(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

const stampFileOf = (bundle) => `${bundle}.inputs.json`;

/** Whether a bundle's recorded inputs (and `extra`) are as they were when it was built. */
function upToDate(bundle, extra) {
  try {
    const cached = JSON.parse(fs.readFileSync(stampFileOf(bundle), 'utf8'));
    return JSON.stringify(cached.extra) === JSON.stringify(extra) && Object.entries(cached.inputs).every(([f, s]) => stamp(f) === s) && fs.existsSync(bundle);
  } catch {
    return false;
  }
}

/** Writes a build's output files and the stamps of its inputs (node_modules stands in as the lockfiles). */
function record(result, bundle, extra, more = []) {
  for (const out of result.outputFiles) writeAtomic(out.path, out.text);
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes(':') && !f.split(/[\\/]/).includes('node_modules'));
  const inputs = Object.fromEntries([...sources, ...more].map((f) => [f, stamp(f)]));
  writeAtomic(stampFileOf(bundle), JSON.stringify({ extra, inputs }));
}

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', tsconfig, sourcemap: 'linked', write: false, metafile: true, absWorkingDir: root, logLevel: 'silent' };

/** 1. The app and its dependencies. */
async function buildApp() {
  const result = await esbuild.build({ ...common, entryPoints: [entry], outfile: appFile });
  fs.rmSync(`${appFile}.v8cache`, { force: true });
  record(result, appFile, null, [...PACKAGES_STAMP, path.relative(root, tsconfig), 'tsconfig.base.json']);
}

/**
 * The app bundle, built by one run at a time: parallel runs (tests start
 * several at once on a fresh checkout) wait for the one building it rather
 * than all building it. A lock older than two minutes is taken over.
 */
async function ensureApp() {
  if (upToDate(appFile, null)) return;
  const lock = `${appFile}.lock`;
  fs.mkdirSync(cacheDir, { recursive: true });
  const started = Date.now();
  for (;;) {
    let fd;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (upToDate(appFile, null)) return;
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        // released: try again
      }
      if (age > 120_000 || Date.now() - started > 240_000) fs.rmSync(lock, { force: true });
      continue;
    }
    try {
      if (!upToDate(appFile, null)) await buildApp();
      return;
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}

/**
 * esbuild plugin: an environment file that does not compile becomes a module
 * throwing esbuild's error, with its location as written, for the loader.
 */
const brokenFilesThrow = {
  name: 'boomi-broken-environment-files',
  setup(build) {
    build.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
      if (path.dirname(path.resolve(args.path)) !== envDir) return undefined;
      const text = fs.readFileSync(args.path, 'utf8');
      const loader = args.path.endsWith('.js') ? 'js' : 'ts';
      try {
        esbuild.transformSync(text, { loader, sourcefile: args.path, logLevel: 'silent' });
        return { contents: text, loader, resolveDir: envDir };
      } catch (failure) {
        const errors = (failure.errors || []).map((e) => ({ text: e.text, location: e.location && { line: e.location.line, column: e.location.column } }));
        const message = errors[0] ? errors[0].text : String(failure);
        return { contents: `const error = new SyntaxError(${JSON.stringify(message)});\nerror.errors = ${JSON.stringify(errors)};\nthrow error;\n`, loader: 'js' };
      }
    });
  },
};

/** 2. The environment files of the folder (their own imports bundled too; packages stay external). */
async function buildEnvironments(names) {
  const result = await esbuild.build({
    ...common,
    stdin: { contents: environmentModulesSource(envDir), resolveDir: envDir, sourcefile: 'environments.ts', loader: 'ts' },
    packages: 'external',
    outfile: envFile,
    plugins: [brokenFilesThrow],
  });
  record(result, envFile, { dir: envDir, listing: names });
}

/** Removes the environment bundles of folders not synthesized for a week (their stamp file is touched on use). */
function pruneCache() {
  const now = Date.now();
  for (const name of fs.readdirSync(cacheDir)) {
    if (!name.startsWith('environments-') || !name.endsWith('.js.inputs.json')) continue;
    const stampPath = path.join(cacheDir, name);
    try {
      if (now - fs.statSync(stampPath).mtimeMs < CACHE_TTL_MS) continue;
      const js = stampPath.slice(0, -'.inputs.json'.length);
      for (const f of [stampPath, js, `${js}.map`]) fs.rmSync(f, { force: true });
    } catch {
      // removed by a parallel run
    }
  }
}

/**
 * Runs the app bundle as a CommonJS module, compiled with V8's code cache
 * (vm.Script cachedData, kept beside the bundle and renewed when V8 rejects
 * it), and returns its exports.
 */
function loadApp() {
  if (sourceMaps) {
    process.setSourceMapsEnabled(true);
    return require(appFile);
  }
  const cacheFile = `${appFile}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // first run of this bundle
  }
  const code = fs.readFileSync(appFile, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: appFile, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(appFile), mod, appFile, cacheDir);
  // After the first run: the cache then holds the functions the run compiled.
  process.once('exit', (code) => {
    if (code === 0 && (cachedData === undefined || script.cachedDataRejected)) writeAtomic(cacheFile, script.createCachedData());
  });
  return mod.exports;
}

async function main() {
  const names = listing();
  try {
    await ensureApp();
    if (!upToDate(envFile, { dir: envDir, listing: names })) {
      await buildEnvironments(names);
      pruneCache();
    } else {
      const now = new Date();
      fs.utimesSync(stampFileOf(envFile), now, now);
    }
  } catch (error) {
    // A compile error in our own sources (an environment file's is the loader's to report).
    if (Array.isArray(error.errors) && error.errors.length > 0) {
      for (const e of error.errors) {
        const where = e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ` : '';
        process.stderr.write(`${where}error: ${e.text}\n`);
      }
      process.exit(1);
    }
    throw error;
  }
  const { bundledEnvironments } = require(envFile);
  loadApp().run(bundledEnvironments);
}

main().catch((error) => {
  process.exitCode = 1;
  throw error;
});
