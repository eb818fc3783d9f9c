// As vscode-languageserver-protocol.cjs, for vscode-jsonrpc's root.
const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
module.exports = onNode ? require('vscode-jsonrpc/node') : require('vscode-jsonrpc/browser');
