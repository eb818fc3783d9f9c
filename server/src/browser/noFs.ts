// node:fs in the web worker bundle (scripts/build.mjs aliases it here). configFile.ts and
// readFile.ts import it, but in the browser every read goes through the ConfigFs the server is
// given (lsp/clientFiles.ts); if one ever reaches the disk anyway, it fails loudly, not silently.
const none = (name: string) => () => {
  throw new Error(`${name}: there is no file system in the browser (read through the client instead)`);
};
export const existsSync = none('existsSync');
export const realpathSync = Object.assign(none('realpathSync'), { native: none('realpathSync.native') });
export const openSync = none('openSync');
export const fstatSync = none('fstatSync');
export const readSync = none('readSync');
export const closeSync = none('closeSync');
export const constants = { O_RDONLY: 0, O_NONBLOCK: 0 };
