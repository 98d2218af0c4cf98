// The whole gate, in order: build, lint, type check, jest (unit specs beside
// the code, integration and browser tests under tests/ on a real PostgreSQL).
// Ends with one summary line; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const results = '.jest-results.json';
const steps = [
  ['build', 'node', ['scripts/build.mjs']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  // --forceExit: a leaked handle must not hang CI after the results are in (they are already written).
  // Two workers even on a 2-core machine (jest's default there is one): the suites mostly wait on
  // PostgreSQL, Argon2id and Chromium, so two at a time took jest from ~11.5 to ~7.6 min here.
  ['jest', 'npx', ['jest', '--json', `--outputFile=${results}`, '--forceExit', '--maxWorkers=2', ...process.argv.slice(2)]],
];

rmSync(results, { force: true });
console.log(`Node.js ${process.version}`);
const failedSteps = [];
for (const [label, command, args] of steps) {
  process.stdout.write(`\n▶ ${label}\n`);
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim() };
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  if (status !== 0) {
    failedSteps.push(label);
    if (label === 'build') break;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  skipped = summary.numPendingTests + summary.numTodoTests;
} catch {
  // jest did not run or wrote nothing: the failed step says why.
}
const stepsNote = failedSteps.length ? ` (failed steps: ${failedSteps.join(', ')})` : '';
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped${stepsNote}`);
process.exit(failedSteps.length || failed ? 1 : 0);
