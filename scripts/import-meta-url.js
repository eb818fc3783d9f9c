// Injected into every CommonJS bundle by scripts/build.mjs: the value of import.meta.url.
export const __jdlintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
