/**
 * The order jest starts test files in. Jest runs the files that took longest last time first, so no worker is left
 * with a long file at the end; with no timings (a fresh clone, CI) it falls back to file size, which put the
 * longest-running file (test/workbook/large.test.ts, 80 lines) near the end. So, with no timing for a file, the
 * files below start first, in this order (slowest first, as measured on a 2-core machine), then the rest by size.
 */
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

const SLOWEST_FIRST = [
  "test/workbook/large.test.ts",
  "test/e2e/taskpane.test.ts",
  "test/deploy.test.ts",
  "test/cli/hostile-files.test.ts",
  "test/e2e/deadlines.test.ts",
  "test/cli/statement.test.ts",
  "test/workbook/api-sets.test.ts",
  "test/cells/tables.test.ts",
  "test/workbook/excel.test.ts",
  "test/cli/usage.test.ts",
  "test/workbook/statement.test.ts",
  "test/e2e/downloads.test.ts",
  "test/functions/columns.test.ts",
  "test/cli/payout.test.ts",
  "test/cli/reserve.test.ts",
];

class SlowestFirst extends Sequencer {
  sort(tests) {
    const timed = tests.filter((test) => this.time(test) !== undefined);
    if (timed.length === tests.length) return super.sort(tests);
    const rank = (test) => {
      const at = SLOWEST_FIRST.indexOf(path.relative(test.context.config.rootDir, test.path).split(path.sep).join("/"));
      return at < 0 ? SLOWEST_FIRST.length : at;
    };
    const failed = (test) => (this.hasFailed(test) ? 0 : 1);
    const bySize = super.sort([...tests]);
    return bySize.sort((a, b) => failed(a) - failed(b) || rank(a) - rank(b) || bySize.indexOf(a) - bySize.indexOf(b));
  }
}

module.exports = SlowestFirst;
