import type { IncomingMessage } from 'node:http';
export function trustProxy(env?: Record<string, string | undefined>): boolean;
export function socketAddress(req: IncomingMessage): string;
export function applyClientAddress(req: IncomingMessage, trusted?: boolean): void;
export function rewriteHeaders(req: IncomingMessage, drop: string[], set: [string, string][]): void;
