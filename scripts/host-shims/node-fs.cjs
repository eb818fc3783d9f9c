// node:fs for the language server's bundle: Node.js's own, or in a web worker a stub that throws
// (there every read goes through the client: server/src/lsp/clientFiles.ts).
const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
module.exports = onNode ? require('fs') : require('../../server/src/browser/noFs.ts');
