/**
 * The Node.js flags the language server runs with (the VS Code client forks it with them; other
 * editors can pass them to `node` too).
 *
 * `--max-semi-space-size=1` keeps V8's young generation at its initial 1 MB instead of letting it
 * grow to 16 MB. Reading a definition builds a tree that lives as long as the document is open,
 * so nearly everything a young-generation collection finds is alive and must be copied; with a
 * large young generation each collection copies megabytes on every V8 helper thread, which on a
 * 2-core machine takes the core the server's own thread needs. Measured on the 4.6 MB 1000-path
 * definition (bench/lsp.mjs, 2 cores): didOpen to diagnostics 552–568 → 473–485 ms, the server's
 * CPU time over the open 880 → 760 ms; edit latency and peak RSS unchanged.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];
