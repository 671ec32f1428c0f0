/**
 * What the build adds to the functions.json the custom-functions metadata plugin generates from the JSDoc.
 *
 * `allowErrorForDataTypeAny`: Excel otherwise never calls a function one of whose ranges holds an error cell, and the
 * formula shows a bare #N/A with no message. The property is top-level and applies to every parameter of type `any`;
 * Microsoft's metadata reference says it works only in hand-written JSON, never in the generated kind, hence this step
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany;
 * custom-functions-errors, "Errors as custom function inputs").
 */
const { Compilation, sources } = require("webpack");

/** The generated metadata with error cells passed to every `any` parameter. */
function withErrorInputs(metadata) {
  return { ...metadata, allowErrorForDataTypeAny: true };
}

class FunctionsMetadataPostProcess {
  constructor(file) {
    this.file = file;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPostProcess", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionsMetadataPostProcess", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.file);
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        compilation.updateAsset(this.file, new sources.RawSource(JSON.stringify(withErrorInputs(metadata), null, 4)));
      });
    });
  }
}

module.exports = { FunctionsMetadataPostProcess, withErrorInputs };
