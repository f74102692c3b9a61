// Writes each Jest run's pass/fail counts to $JEST_JSON_DIR, so `npm test` can close with one summary line.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = path.basename(globalConfig.rootDir) + '-' + process.pid + '-' + Date.now();
  }
  onRunComplete(_contexts, results) {
    const dir = process.env.JEST_JSON_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const summary = { passed: results.numPassedTests, failed: results.numFailedTests, skipped: results.numPendingTests };
    fs.writeFileSync(path.join(dir, `jest-${this.name}.json`), JSON.stringify(summary));
  }
}
module.exports = SummaryReporter;
