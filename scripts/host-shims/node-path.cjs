// node:path for the language server's bundle: Node.js's own, or path-browserify in a web worker.
const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
module.exports = onNode ? require('path') : require('path-browserify');
