/**
 * A webpack loader that lowers a dependency's JavaScript to the add-in's syntax level (`target`) with esbuild, the
 * compiler the jest transform uses: far quicker than TypeScript's emitter over Fluent UI and the PDF libraries.
 * `import.meta` is left for webpack to resolve (esbuild would empty it below ES2020, breaking `new URL(…, import.meta.url)`);
 * esbuild's warnings become webpack's.
 */
const { transform } = require("esbuild");

module.exports = function esbuildLoader(source, inputMap) {
  const done = this.async();
  const { target } = this.getOptions();
  transform(source, {
    loader: "js",
    target,
    supported: { "import-meta": true },
    sourcefile: this.resourcePath,
    sourcemap: this.sourceMap ? "external" : false,
  })
    .then(({ code, map, warnings }) => {
      for (const warning of warnings) this.emitWarning(new Error(`esbuild: ${warning.text}`));
      done(null, code, map || inputMap);
    })
    .catch(done);
};
