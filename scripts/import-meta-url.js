// Injected into every CommonJS bundle by scripts/build.mjs: the value of import.meta.url (in a web
// worker, where the language server's bundle also runs, the script's own URL).
export const __jdlintImportMetaUrl = typeof __filename === 'string' ? require('node:url').pathToFileURL(__filename).href : globalThis.location?.href;
