/** Unit, bundle and end-to-end tests; `npm test` builds first (see package.json "pretest"). */
const os = require("os");

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": "<rootDir>/scripts/jest-transform.js" },
  // Jest's default is a worker fewer than the cores, which on two cores is one process running every file in turn.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testSequencer: "<rootDir>/scripts/jest-sequencer.js",
  testTimeout: 120000,
};
