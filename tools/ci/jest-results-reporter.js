// A jest reporter that, when JEST_RESULTS_DIR is set, writes each jest run's
// totals to <dir>/<project>-<pid>.json. Nx starts one jest per project; .ci/run
// adds the files up into its closing `N passed, N failed` line, and plan.yml's
// PR comment names the failed tests (`failedTests`, the first 50).
const fs = require('node:fs');
const path = require('node:path');

class ResultsFileReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const dir = process.env.JEST_RESULTS_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const [context] = [...contexts];
    const name = (context && context.config.displayName && context.config.displayName.name) || 'jest';
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

module.exports = ResultsFileReporter;
