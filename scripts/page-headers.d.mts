import type { IncomingMessage, ServerResponse } from 'node:http';
export function applySignedInPageHeaders(req: IncomingMessage, res: ServerResponse, https?: boolean): boolean;
