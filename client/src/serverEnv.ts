// The environment the language server is started with: the editor's, plus the settings of
// server/node-args.json (memory settings added, variables the server has no use for and that slow
// Node.js's start removed), plus where it keeps V8's compiled code.
import nodeArgs from '../../server/node-args.json';

export function serverEnv(base: NodeJS.ProcessEnv, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, JDLINT_CACHE_DIR: cacheDir, ...nodeArgs.env };
  for (const name of nodeArgs.unset) delete env[name];
  return env;
}
