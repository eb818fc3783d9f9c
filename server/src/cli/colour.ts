// Whether the stylish report is coloured: Node's own answer for a terminal (tty hasColors /
// getColorDepth read NO_COLOR, NODE_DISABLE_COLORS, FORCE_COLOR and TERM=dumb), the same rule
// Node's util.styleText applies, so jdlint agrees with every other tool on the machine.
import tty from 'node:tty';

interface Stream {
  isTTY?: boolean;
  hasColors?: (env?: NodeJS.ProcessEnv) => boolean;
}

export function useColour(stream: Stream, env: NodeJS.ProcessEnv = process.env): boolean {
  // FORCE_COLOR colours a pipe too (a CI log that renders colours); FORCE_COLOR=0 turns them off.
  if (env.FORCE_COLOR !== undefined) return tty.WriteStream.prototype.getColorDepth.call(undefined, env) > 2;
  return Boolean(stream.isTTY) && typeof stream.hasColors === 'function' && stream.hasColors(env);
}
