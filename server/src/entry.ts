// dist/server-main.js, the language server's one bundle: on Node.js (started by dist/server.js,
// the `jdlint-language-server` bin) and in a web worker (the web extension starts it). One file
// for both keeps the .vsix small; each entry's modules load only where they run.
declare const WorkerGlobalScope: unknown;

const started = typeof WorkerGlobalScope !== 'undefined' ? import('./browser/main') : import('./main');
started.catch((err: unknown) => {
  // Nothing else would report it: a server that cannot start says why and stops.
  console.error(`jdlint-language-server could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  if (typeof process === 'object' && typeof process.exit === 'function') process.exit(1);
  throw err;
});
