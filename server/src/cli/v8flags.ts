// V8 flags of a CLI run, set by dist/cli.js (server/src/cli/start.ts) before the bundle loads.
// A CLI run is short and V8's optimising compiler, on threads beside the two that lint, costs about
// as much CPU as the lint while it warms up: the CLI optimises a function after twice the usual
// run time in the interpreter, and inlines less (figures in docs/performance.md). The flags are set
// in the process, not on the #! line (Linux passes one argument there); V8 ignores a flag it does
// not know, so a test checks that this Node.js knows each.
export const CLI_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=60', '--interrupt-budget=264000'];
