// V8 flags of a CLI run, set by dist/cli.js (server/src/cli/start.ts) before the bundle loads.
//
// A run over a folder is short, and V8's optimising compiler spends about as much CPU as the lint
// itself while the run warms up. Inlining less into each optimised function (at most 230 bytecodes
// summed over a function's inlinees, instead of 920) cut one pass over the 2,054 dev postings from
// 10.92 G to 10.00 G instructions (cachegrind, V8 single-threaded, its compiler included); the
// median per-pair time ratio was 0.89, 0.91 and 0.93 in three series of 14-16 alternating runs,
// and 1.00 in a fourth taken in an erratic hour. The flags are set in the process rather than on
// the #! line, which passes one argument on Linux; V8 only prints a line about a flag it does not
// know and goes on, so a test checks that this Node.js knows each.
export const CLI_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=230'];
