// Adds up the counts written by the Jest summary reporter and Playwright's JSON reporter into the closing line.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir)) {
  const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  if (file.startsWith('jest-')) {
    passed += data.passed;
    failed += data.failed;
    skipped += data.skipped;
  } else if (data.stats) {
    passed += data.stats.expected + (data.stats.flaky ?? 0);
    failed += data.stats.unexpected;
    skipped += data.stats.skipped;
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
