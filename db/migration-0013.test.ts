/**
 * Migration 0013_data_codes_imports on a database of the previous release: provider accounts
 * linked to a filed 服务商 keep their link (the table is rebuilt so that a directory entry can be
 * linked instead), and the rebuilt tables take the columns the 数据码 and imports code writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';

describe('migration 0013_data_codes_imports', () => {
  it('keeps the provider accounts already linked and accepts directory links and API keys after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-0013-'));
    const all = path.join(process.cwd(), 'db', 'migrations');
    const before = path.join(dir, 'before');
    fs.cpSync(all, before, { recursive: true });
    const journalFile = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0013');
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const sqlite = new Database(path.join(dir, 'app.db'));
    try {
      migrate(drizzle(sqlite), { migrationsFolder: before });
      sqlite.pragma('foreign_keys = OFF');
      sqlite.prepare('insert into provider_accounts (user_id, filing_id, linked_by, linked_at) values (7, 3, 1, 1234)').run();
      migrate(drizzle(sqlite), { migrationsFolder: all });
      expect(sqlite.prepare('select user_id, filing_id, directory_id, linked_by, linked_at from provider_accounts').all()).toEqual([
        { user_id: 7, filing_id: 3, directory_id: null, linked_by: 1, linked_at: 1234 },
      ]);
      sqlite.prepare('insert into provider_accounts (user_id, directory_id, linked_at) values (8, 2, 1)').run();
      sqlite.prepare("insert into provider_api_keys (user_id, key_hash, key_prefix, label, created_at) values (8, 'h', 'wlba_ab', '对接', 1)").run();
      expect(() => sqlite.prepare("insert into provider_api_keys (user_id, key_hash, key_prefix, label, created_at) values (8, 'h', 'wlba_cd', '重复', 1)").run()).toThrow(/UNIQUE/);
      const cols = (t: string) => (sqlite.prepare(`pragma table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols('data_codes')).toEqual(expect.arrayContaining(['code_hmac', 'code_enc', 'expires_at', 'revoked_at', 'api_key_id']));
      expect(cols('legacy_filings')).toEqual(expect.arrayContaining(['old_digits', 'domain_ascii', 'claimable_user_id', 'claim_application_id']));
      expect(cols('unfiled_websites')).toEqual(expect.arrayContaining(['domain_ascii', 'pushed_at', 'deadline', 'filed_website_id']));
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
