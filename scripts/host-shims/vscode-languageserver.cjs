// As vscode-languageserver-protocol.cjs, for the language server's bundle (server/src/entry.ts):
// the feature modules import this package's root, which must not load Node.js's build in a worker.
const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
module.exports = onNode ? require('vscode-languageserver/node') : require('vscode-languageserver/browser');
