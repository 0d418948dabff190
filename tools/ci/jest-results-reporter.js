// A jest reporter that, when JEST_RESULTS_DIR is set, writes each jest run's
// totals to <dir>/<project>-<pid>.json. Nx starts one jest per project; .ci/run
// adds the files up into its closing `N passed, N failed` line, and plan.yml's
// PR comment names the failed tests (`failedTests`, the first 50).
// When JEST_PERF_DIR is set, it also writes <dir>/<project>-<pid>.tsv: one
// line per spec file (project, file, ms from start to end, ms until the setup
// files had run, number of tests), to find the files a cold run spends its
// time on (docs/performance.md).
const fs = require('node:fs');
const path = require('node:path');

class ResultsFileReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const [context] = [...contexts];
    const name = (context && context.config.displayName && context.config.displayName.name) || 'jest';
    if (process.env.JEST_PERF_DIR) writeFileTimes(process.env.JEST_PERF_DIR, name, this.globalConfig.rootDir, results);
    const dir = process.env.JEST_RESULTS_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      project: name,
      numTotalTests: results.numTotalTests,
      numPassedTests: results.numPassedTests,
      numFailedTests: results.numFailedTests,
      numPendingTests: results.numPendingTests + results.numTodoTests,
      numFailedTestSuites: results.numFailedTestSuites,
      numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
      success: results.success,
      failedTests: results.testResults
        .flatMap((file) => {
          const rel = path.relative(this.globalConfig.rootDir, file.testFilePath);
          const failed = (file.testResults || []).filter((a) => a.status === 'failed').map((a) => ({ file: rel, test: a.fullName }));
          // A file that could not run (compile error) has no failed assertion: name the file.
          return failed.length > 0 || !file.testExecError ? failed : [{ file: rel, test: `could not run: ${String(file.testExecError.message).split('\n')[0]}` }];
        })
        .slice(0, 50),
    };
    fs.writeFileSync(path.join(dir, `${name}-${process.pid}.json`), JSON.stringify(summary, null, 2));
  }
}

/** One TSV line per spec file of this run: project, file, duration, setup, tests. */
function writeFileTimes(dir, name, rootDir, results) {
  fs.mkdirSync(dir, { recursive: true });
  const lines = results.testResults.map((file) => {
    const p = file.perfStats || {};
    return [name, path.relative(rootDir, file.testFilePath), p.end - p.start, p.setupAfterEnvEnd - p.start, (file.testResults || []).length].join('\t');
  });
  fs.writeFileSync(path.join(dir, `${name}-${process.pid}.tsv`), `${lines.join('\n')}\n`);
}

module.exports = ResultsFileReporter;
