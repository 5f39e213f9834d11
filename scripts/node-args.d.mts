export const SERVER_NODE_ARGS: string[];
export function withServerNodeArgs(execArgv: string[], nodeOptions?: string): string[];
