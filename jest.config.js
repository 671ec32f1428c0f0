/** Unit, bundle and end-to-end tests; `npm test` builds first (see package.json "pretest"). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "Node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } }],
  },
  testTimeout: 120000,
  // Jest's default on two cores is one worker; the suite spends much of its time waiting on child processes
  // (dcp, webpack, the browser), so two keep both cores busy. Each file launches at most one browser.
  maxWorkers: 2,
};
