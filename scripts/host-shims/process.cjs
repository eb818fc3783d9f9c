// `process` as a module (yaml requires it) for the language server's bundle: Node.js's own, or in
// a web worker an empty environment (yaml reads only env.LOG_* and checks emitWarning is there).
const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
module.exports = onNode ? require('node:process') : { env: {} };
