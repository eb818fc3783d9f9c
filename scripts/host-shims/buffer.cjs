// `buffer` (yaml requires it for !!binary) for the language server's bundle: Node.js's own, or in
// a web worker none (yaml then decodes with atob).
const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
module.exports = onNode ? require('node:buffer') : {};
