// The Node.js options the server runs with: npm start (scripts/start.mjs), every worker of
// scripts/server.mjs, the bench and the browser tests.
//
// --max-semi-space-size=64: V8's young generation grows to 64 MB semi-spaces instead of 16. Under
// load many page renders are in flight at once, so a third of what each scavenge finds is still
// alive and is copied; with 4× the room, 4× fewer scavenges copy about as much each. Measured
// (README 性能): scavenges took about 0.5 ms of CPU per /my request, 0.3 ms with this, for about
// 110 MB more memory per worker.
export const SERVER_NODE_ARGS = ['--max-semi-space-size=64'];

const optionName = (arg) => arg.split('=')[0];

/**
 * `execArgv` with SERVER_NODE_ARGS added, except an option the operator already gives (on the
 * command line or in NODE_OPTIONS): their value wins.
 */
export function withServerNodeArgs(execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/).filter(Boolean)].map(optionName));
  return [...execArgv, ...SERVER_NODE_ARGS.filter((arg) => !given.has(optionName(arg)))];
}
