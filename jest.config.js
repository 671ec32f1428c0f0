/** Unit, bundle and end-to-end tests; `npm test` builds first (see package.json "pretest"). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "Node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } }],
  },
  testTimeout: 120000,
};
