#!/usr/bin/env node
// Runs the cdktf app (apps/platform/src/main.ts) fast, as plain JavaScript:
// esbuild bundles our TypeScript, and the environment files of the folder
// being synthesized, into one CommonJS file (dependencies stay external), and
// this process requires that file. Nothing of Node is patched: no loader hook,
// no require.extensions, no global Error.prepareStackTrace.
//
// Environments are found when the app is bundled: the module
// apps/platform/src/bundled-environments.ts (empty in the sources, where tsx
// and jest require each file at run time) is replaced by one generated from
// the folder (apps/platform/src/environments, or BOOMI_ENVIRONMENTS_DIR), which
// imports every file that may be an environment. The app still lists the
// folder at run time, so a missing or empty folder and a misnamed file get the
// loader's errors; a file with a syntax error is bundled as a module that
// throws esbuild's error when the loader evaluates it, so it too is reported
// by the loader (file:line:column, the line, a hint). An exception while a
// file is evaluated is located through the bundle's source map, written
// beside it (the loader reads it: apps/platform/src/environments/load.ts).
//
// The bundle is cached under node_modules/.cache, one per environments folder,
// and rebuilt only when an input changed (size or mtime) or the folder's
// listing did. BOOMI_SYNTH_SOURCE_MAPS=1 maps stack traces to the TypeScript
// sources (Node's own source-map support: slower, cdktf captures a stack per
// token). Measured with tools/bench (docs/performance.md).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { environmentModulesSource, ENVIRONMENT_MODULE } = require('./environment-modules');

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'apps/platform/src/main.ts');
const defaultDir = path.join(root, 'apps/platform/src/environments');
const envDir = path.resolve(process.env.BOOMI_ENVIRONMENTS_DIR || defaultDir);
const hash = (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
// One cache per checkout (worktrees may share node_modules through a symlink), one bundle per environments folder.
const cacheDir = path.join(root, 'node_modules/.cache/boomi-eks-synth', hash(root));
const bundleFile = path.join(cacheDir, `main-${hash(envDir)}.js`);
const stampFile = `${bundleFile}.inputs.json`;
/** Bundles of folders not synthesized for this long are removed (tests and the bench make many temporary folders). */
const CACHE_TTL_MS = 7 * 24 * 3600 * 1000;

/** size:mtime of a file, as the cache key of a bundle input. */
function stamp(file) {
  try {
    const st = fs.statSync(path.resolve(root, file));
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The names in the folder (the listing is an input: a new file means a new bundle). */
function listing(dir) {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return null;
  }
}

/** Writes a file whole or not at all: parallel runs (tests) share the cache. */
function writeAtomic(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function upToDate() {
  try {
    const cached = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return (
      JSON.stringify(cached.listing) === JSON.stringify(listing(envDir)) &&
      Object.entries(cached.inputs).every(([file, s]) => stamp(file) === s) &&
      fs.existsSync(bundleFile)
    );
  } catch {
    return false;
  }
}

/**
 * esbuild plugin: apps/platform/src/bundled-environments.ts becomes the
 * environments of `envDir`, and an environment file that does not compile
 * becomes a module throwing esbuild's error (with its location as written).
 */
const environmentsPlugin = {
  name: 'boomi-environments',
  setup(build) {
    build.onLoad({ filter: /[\\/]bundled-environments\.ts$/ }, (args) => {
      if (path.resolve(args.path) !== ENVIRONMENT_MODULE(root)) return undefined;
      return { contents: environmentModulesSource(envDir), loader: 'ts', resolveDir: path.dirname(args.path) };
    });
    build.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
      if (path.dirname(path.resolve(args.path)) !== envDir) return undefined;
      const text = fs.readFileSync(args.path, 'utf8');
      const loader = args.path.endsWith('.js') ? 'js' : 'ts';
      try {
        esbuild.transformSync(text, { loader, sourcefile: args.path, logLevel: 'silent' });
        return { contents: text, loader, resolveDir: path.dirname(args.path) };
      } catch (failure) {
        const errors = (failure.errors || []).map((e) => ({ text: e.text, location: e.location && { line: e.location.line, column: e.location.column } }));
        const thrown = `const error = new SyntaxError(${JSON.stringify(errors[0] ? errors[0].text : String(failure))});\nerror.errors = ${JSON.stringify(errors)};\nthrow error;\n`;
        return { contents: thrown, loader: 'js', watchFiles: [args.path] };
      }
    });
  },
};

async function build() {
  const names = listing(envDir);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'apps/platform/tsconfig.app.json'),
    sourcemap: 'linked',
    outfile: bundleFile,
    write: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: 'silent',
    plugins: [environmentsPlugin],
  });
  for (const out of result.outputFiles) writeAtomic(out.path, out.text);
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs).filter((f) => !f.includes(':')), 'tsconfig.base.json', 'apps/platform/tsconfig.app.json', 'tools/synth/environment-modules.js'].map(
      (f) => [f, stamp(f)],
    ),
  );
  writeAtomic(stampFile, JSON.stringify({ listing: names, inputs }));
  pruneCache();
}

/** Removes the bundles of environments folders not synthesized for a week (their stamp file is touched on use). */
function pruneCache() {
  const now = Date.now();
  for (const name of fs.readdirSync(cacheDir)) {
    const stampPath = path.join(cacheDir, name);
    try {
      if (!name.endsWith('.inputs.json') || now - fs.statSync(stampPath).mtimeMs < CACHE_TTL_MS) continue;
      const js = stampPath.slice(0, -'.inputs.json'.length);
      for (const f of [stampPath, js, `${js}.map`]) fs.rmSync(f, { force: true });
    } catch {
      // removed by a parallel run
    }
  }
}

async function main() {
  if (!upToDate()) {
    try {
      await build();
    } catch (error) {
      // An error in our own sources (an environment file's is the app's to report).
      if (Array.isArray(error.errors) && error.errors.length > 0) {
        for (const e of error.errors) {
          const where = e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ` : '';
          process.stderr.write(`${where}error: ${e.text}\n`);
        }
        process.exit(1);
      }
      throw error;
    }
  } else {
    // Touch it, so that pruneCache keeps the bundles in use.
    const now = new Date();
    fs.utimesSync(stampFile, now, now);
  }
  if (process.env.BOOMI_SYNTH_SOURCE_MAPS === '1') process.setSourceMapsEnabled(true);
  require(bundleFile);
}

main().catch((error) => {
  process.exitCode = 1;
  throw error;
});
