/* Builds the add-in (custom functions, task pane, manifest assets) and the `dcp` command line. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const { FunctionsMetadataPostProcess } = require("./scripts/functions-metadata");

const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const DEV_ORIGIN = "https://localhost:3000";

/**
 * manifest.xml for an add-in served from `origin` (https://host[/path]):
 * every URL moves there, and the app domain becomes the origin's scheme and host.
 */
function forOrigin(manifest, origin) {
  const base = origin.replace(/\/+$/, "");
  return manifest
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${new URL(base).origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(base);
}

/** Every file that declares @customfunction: the metadata plugin reads their JSDoc. */
const FUNCTION_FAMILIES = [
  "calendar",
  "valuation",
  "investment",
  "options",
  "distributionTerms",
  "elections",
  "reserve",
  "retention",
  "accounts",
  "payouts",
  "claims",
].map((family) => `./src/functions/${family}.ts`);

/**
 * The fonts the PDFs embed (src/documents/fonts.ts, FONT_FAMILIES), copied out of their npm packages as files:
 * the task pane fetches one only when a name needs it, the command line reads them beside dcp.js. Never inlined.
 */
const DOCUMENT_FONTS = [
  "fonts-latin/fonts/NotoSans-Regular.ttf",
  "fonts-latin/fonts/NotoSans-Bold.ttf",
  "fonts-hebrew/fonts/NotoSansHebrew-Regular.ttf",
  "fonts-hebrew/fonts/NotoSansHebrew-Bold.ttf",
  "fonts-arabic/fonts/NotoNaskhArabic-Regular.ttf",
  "fonts-arabic/fonts/NotoNaskhArabic-Bold.ttf",
  "fonts-sc/fonts/NotoSansHans-Regular.otf",
  "fonts-kr/fonts/NotoSansKR-Regular.otf",
].map((file) => ({ from: `node_modules/@embedpdf/${file}`, to: "fonts/[name][ext]" }));

const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: true } } },
};

/**
 * What the add-in's pages compile to: the oldest Excel the manifest admits is Excel 2021 for Mac, whose add-ins run
 * in the Safari engine of its macOS (Safari 14 on Big Sur), so ES2019 syntax and no API newer than that engine has
 * (test/bundle-target.test.ts parses the built bundles at that level and scans them for later APIs such as `.at()`).
 */
const ADDIN_ECMA = "es2019";
/** Dependencies ship later syntax (Fluent UI's tabster uses `?.`): esbuild lowers their JavaScript to the same level. */
const dependenciesDownlevel = {
  test: /\.m?js$/,
  include: /node_modules/,
  use: { loader: path.resolve(__dirname, "scripts/esbuild-loader.js"), options: { target: ADDIN_ECMA } },
};
const addinTypescriptRule = {
  ...typescriptRule,
  use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: true, target: ADDIN_ECMA } } },
};

/**
 * The localhost certificate Office trusts: office-addin-dev-certs makes and installs it. Where it
 * cannot install its CA (Linux without sudo, a container), serve with the generated files anyway
 * and say how to trust them; failing that, webpack's own self-signed certificate.
 */
async function httpsOptions() {
  const fs = require("fs");
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const [cert, key, ca] = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => path.join(dir, f));
    console.warn(`Could not install the development CA (${error.message.split("\n")[0]}). Trust ${ca} in your browser or OS to load the add-in.`);
    return fs.existsSync(cert) && fs.existsSync(key) ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.readFileSync(ca) } : {};
  }
}

/**
 * Compiled modules and minified chunks kept on disk (node_modules/.cache/webpack), a folder each config: a build
 * after a change, `npm run build:origin` after a build (test/deploy.test.ts) and the dev server's restarts redo
 * only what changed.
 */
const diskCache = { type: "filesystem", buildDependencies: { config: [__filename] } };

/**
 * `--env origin=https://…` builds the manifest for that origin (scripts/build-for-origin.js);
 * `--env out=DIR` writes the add-in there instead of dist/.
 */
module.exports = async (env = {}, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const origin = env.origin;
  const outDir = env.out ? path.resolve(env.out) : path.resolve(__dirname, "dist");
  // compareBeforeEmit: false rewrites every output, so its time says when it was built
  // (test/helpers/build.ts refuses to test a build older than src/).

  const addin = {
    name: "addin",
    devtool: "source-map",
    target: ["web", ADDIN_ECMA],
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: { path: outDir, filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", clean: { keep: /^cli\// }, compareBeforeEmit: false },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [addinTypescriptRule, dependenciesDownlevel] },
    performance: { hints: false },
    /**
     * functions.js, which Excel loads as it starts, is minified by terser, whose output is a seventh smaller; the task
     * pane's chunks by esbuild, in a fraction of terser's time (fontkit's table definitions repeat a key: not warned of).
     * webpack's own minimizer ("...") still minifies the HTML, its JavaScript minification turned off for these two.
     */
    optimization: {
      minimizeOptions: { javascript: false },
      minimizer: [
        "...",
        new MinimizerPlugin({ test: /^functions\.js$/, minimizerOptions: { compress: { passes: 2 } } }),
        new MinimizerPlugin({
          exclude: /^functions\.js$/,
          minify: MinimizerPlugin.esbuildMinify,
          minimizerOptions: { target: ADDIN_ECMA, logOverride: { "duplicate-object-key": "silent" } },
        }),
      ],
    },
    cache: diskCache,
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FAMILIES }),
      new FunctionsMetadataPostProcess("functions.json"),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The functions register first; the task pane bootstrap loads its UI lazily.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          ...DOCUMENT_FONTS,
          // The manifest's SupportUrl and LearnMoreUrl: how to use each page, the functions, Excel's limits, where the plan text is.
          { from: "src/help/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (origin ? forOrigin(content.toString(), origin) : content) },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: outDir },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          host: "localhost",
          port: DEV_SERVER_PORT,
        }
      : undefined,
  };

  const cli = {
    name: "cli",
    target: "node",
    devtool: false,
    entry: { dcp: "./src/cli/dcp.ts" },
    output: { path: path.resolve(__dirname, "dist/cli"), filename: "[name].js", clean: true, compareBeforeEmit: false },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescriptRule] },
    // pdfkit reads its font metrics (js/data/*.afm) from beside its own code at run time: it must load from node_modules.
    externals: { exceljs: "commonjs exceljs", pdfkit: "commonjs pdfkit" },
    optimization: { minimize: false },
    performance: { hints: false },
    cache: diskCache,
    plugins: [
      new (require("webpack").BannerPlugin)({ banner: "#!/usr/bin/env node", raw: true }),
      new CopyWebpackPlugin({ patterns: DOCUMENT_FONTS }),
      // npm marks a bin executable only when it links it at install, before a fresh clone has built dist/: npx dcp needs the bit.
      {
        apply: (compiler) => compiler.hooks.afterEmit.tap("ExecutableBin", () => require("fs").chmodSync(path.resolve(__dirname, "dist/cli/dcp.js"), 0o755)),
      },
    ],
  };

  /** The in-memory Excel host the browser tests load in place of office.js (never shipped). */
  const e2eHost = {
    name: "e2e-host",
    target: "web",
    devtool: false,
    entry: { "excel-host": "./test/e2e/host-entry.ts" },
    output: { path: path.resolve(__dirname, "dist-e2e"), filename: "[name].js", clean: true, compareBeforeEmit: false },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescriptRule] },
    performance: { hints: false },
    cache: diskCache,
  };

  return dev && serving ? addin : [addin, cli, e2eHost];
};
