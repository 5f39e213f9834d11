export const root: string;
export function run(cmd: string, args: string[], opts?: object): void;
export function ensureInstalled(): void;
export function ensureBuilt(): void;
