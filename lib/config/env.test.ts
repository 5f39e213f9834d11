import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataDir } from './env';

const before = process.env.DATA_DIR;
afterEach(() => {
  process.env.DATA_DIR = before;
  vi.restoreAllMocks();
});

describe('dataDir', () => {
  it('creates DATA_DIR once, not on every call (getDb asks for it on every query)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-env-'));
    process.env.DATA_DIR = path.join(root, 'nested', 'data');
    const mkdir = vi.spyOn(fs, 'mkdirSync');
    expect(dataDir()).toBe(path.join(root, 'nested', 'data'));
    expect(fs.statSync(dataDir()).isDirectory()).toBe(true);
    for (let i = 0; i < 10; i++) dataDir();
    expect(mkdir).toHaveBeenCalledTimes(1);
    // Another DATA_DIR (as every test file has its own) is created in its turn.
    process.env.DATA_DIR = path.join(root, 'other');
    expect(fs.statSync(dataDir()).isDirectory()).toBe(true);
    expect(mkdir).toHaveBeenCalledTimes(2);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('resolves the setting once, not on every call (issue 17: dozens of calls a page)', () => {
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-env-'));
    const resolve = vi.spyOn(path, 'resolve');
    const dir = dataDir();
    for (let i = 0; i < 10; i++) expect(dataDir()).toBe(dir);
    expect(resolve).toHaveBeenCalledTimes(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
