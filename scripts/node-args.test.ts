import { describe, expect, it } from 'vitest';
import { SERVER_NODE_ARGS, withServerNodeArgs } from './node-args.mjs';

describe('the server’s Node.js options (issue 17)', () => {
  it('adds the young-generation size to whatever else the process is started with', () => {
    expect(SERVER_NODE_ARGS).toEqual(['--max-semi-space-size=64']);
    expect(withServerNodeArgs([], '')).toEqual(['--max-semi-space-size=64']);
    expect(withServerNodeArgs(['--cpu-prof'], '')).toEqual(['--cpu-prof', '--max-semi-space-size=64']);
  });

  it('leaves an operator’s own value alone, on the command line or in NODE_OPTIONS', () => {
    expect(withServerNodeArgs(['--max-semi-space-size=16'], '')).toEqual(['--max-semi-space-size=16']);
    expect(withServerNodeArgs([], '--max-old-space-size=4096 --max-semi-space-size=32')).toEqual([]);
    expect(withServerNodeArgs([], '--max-old-space-size=4096')).toEqual(['--max-semi-space-size=64']);
  });
});
