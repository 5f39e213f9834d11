import type { ServerResponse } from 'node:http';
export function coalesceWrites(res: ServerResponse): void;
