/**
 * Most bytes an app importing only `createGongFlowsClient` may load at start, bundled and minified (esbuild with
 * code splitting, see size.ts): the target itself (measured 11,997 B). Growth on the start-up path must be
 * paid for there, or moved behind the first request; raise it only with a line in bench/README.md saying why.
 */
export const CLIENT_MINIFIED_BUDGET = 12_000;

/** The target for the same bundle. */
export const CLIENT_MINIFIED_TARGET = 12_000;

/** Most bytes of the same app's every chunk (the transport and bulk engine load on first use), with ~5% headroom. */
export const CLIENT_TOTAL_BUDGET = 31_800;
