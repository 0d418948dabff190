// The jest runtime of every project (jest.preset.js `runtime`): jest's own
// runtime with three changes that cut the fixed cost of each spec file, which
// was most of a cold `npm test` (docs/performance.md):
//
// 1. cdktf, constructs, the three cdktf providers and yaml are loaded once per jest
//    worker, with Node's own require, and every spec file of that worker gets
//    the same module objects. jest otherwise loads them again into each spec
//    file's module registry (~0.3-1 s of CPU per file).
//    Why this is safe for these packages, and only for them: a module loaded
//    this way runs in the worker's realm, while the spec file's objects come
//    from its own vm context (another `Object`, `Array`, `RegExp`). Code that
//    tells plain objects or regular expressions apart by realm-bound checks
//    (`value.constructor === Object`, `x instanceof RegExp`) would see spec
//    objects differently. cdktf has two such checks (it only descends into
//    plain objects to find dynamic blocks, which this workspace never nests,
//    and `instanceof Date`); constructs and the providers none; yaml tells
//    maps from sequences by `instanceof Map` and `Symbol.iterator` (so a
//    spec's Map would be written as a sequence: none of our values is a Map),
//    and `instanceof Date` only for YAML 1.1 timestamps. cdk8s does
//    (`resolve` only descends into `constructor == Object` values) and zod
//    does (`instanceof RegExp`): they stay per file. No spec mocks or spies
//    on a shared module (a test that did would change it for the files after
//    it in the same worker; lint refuses `jest.mock` of them). The matchers of `Testing.setupJest()` read the
//    global `expect` of the realm they run in: it answers the `expect` of the
//    spec file running now.
// 2. Each module a worker compiles keeps V8's code cache, so the next spec
//    file that loads it (same file, same transformed source) skips most of
//    the parse and compile. Checked by comparing the whole source: an edited
//    file is compiled afresh.
// 3. cdktf records where each token was made (a full stack trace per token,
//    for its error messages). Inside jest every such trace went through
//    jest's source-map stack formatting, ~20 % of a synthesis. The shared
//    cdktf formats them the way plain Node does (V8's default, which is what
//    `npm run synth` gets), and keeps the innermost 20 frames (cdktf asks for
//    all of them; below 20 a spec's are jest's own): the frames that name
//    our code, at the positions of the compiled code.
//
// BOOMI_JEST_ISOLATE_MODULES=1 runs jest's stock runtime instead (every module
// per file, no code cache): the way to rule this file out when a test behaves
// strangely.
const vm = require('node:vm');
const { default: Runtime } = require('jest-runtime');

/** Packages loaded once per worker: realm-agnostic and stateless for our use (see above). */
const SHARED = /^(?:cdktf|constructs|yaml|@cdktf\/provider-(?:aws|kubernetes|helm))(?:\/|$)/;

/**
 * cdktf's token stack traces (point 3 above): its own captureStackTrace
 * (cdktf/lib/tokens/private/stack-trace.js) with V8's formatting and a limit.
 */
const TOKEN_STACK_FRAMES = 20;
const stackTrace = require('cdktf/lib/tokens/private/stack-trace');
stackTrace.captureStackTrace = function plainStackTrace(below) {
  const object = { stack: '' };
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  Error.prepareStackTrace = undefined;
  Error.stackTraceLimit = TOKEN_STACK_FRAMES;
  let stack;
  try {
    Error.captureStackTrace(object, below || plainStackTrace);
    stack = object.stack; // formatted now, on first read: with V8's formatter
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
  return stack ? stack.split('\n').slice(1).map((line) => line.replace(/^\s*at\s+/, '')) : [];
};

/** The sandbox global of the spec file running now in this worker (a worker runs its files one after another). */
let currentGlobal;
Object.defineProperty(globalThis, 'expect', { configurable: true, get: () => currentGlobal && currentGlobal.expect });

/** V8 code cache of each module this worker compiled: filename → the transformed source and its cache. */
const codeCache = new Map();

class SharedModulesRuntime extends Runtime {
  constructor(config, environment, ...rest) {
    super(config, environment, ...rest);
    currentGlobal = environment.global;
    const executor = this.executor;
    const compile = executor.compile.bind(executor);
    executor.compile = (source, filename) => {
      const context = environment.getVmContext();
      // Dynamic import() needs jest's own callback; a syntax error gets jest's own report.
      if (!context || source.includes('import(')) return compile(source, filename);
      const entry = codeCache.get(filename);
      const cachedData = entry && entry.source === source ? entry.data : undefined;
      let fn;
      try {
        fn = vm.compileFunction(source, executor.injectedModuleParameters, { filename, parsingContext: context, cachedData, produceCachedData: !cachedData });
      } catch {
        return compile(source, filename);
      }
      if (!cachedData && fn.cachedData) codeCache.set(filename, { source, data: fn.cachedData });
      return fn;
    };
  }

  requireModuleOrMock(from, moduleName) {
    if (SHARED.test(moduleName)) return require(moduleName);
    return super.requireModuleOrMock(from, moduleName);
  }
}

module.exports = SharedModulesRuntime;
