// dist/client.js serves the desktop and the web extension host (client/src/main.ts). The
// language client's shared code requires this package's root, which is the Node.js build; in a
// web extension host that fails at once (it requires util, net). scripts/build.mjs points the
// root here: the build for where the client runs, loaded only when first required.
const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
module.exports = onNode ? require('vscode-languageserver-protocol/node') : require('vscode-languageserver-protocol/browser');
