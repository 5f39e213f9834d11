import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeDb, createDatabase, dbFile, getDb } from '@/db/client';
import { users } from '@/db/schema';

describe('building a fresh database', () => {
  it('a crash while the demo is being seeded leaves no app.db, so the next start builds it again', async () => {
    closeDb();
    fs.rmSync(dbFile(), { force: true });
    await expect(
      createDatabase(async () => {
        getDb().$client.exec("insert into notices (title) select '半个' where 0"); // writes go to the database being built
        throw new Error('killed while seeding');
      }),
    ).rejects.toThrow('killed while seeding');
    expect(fs.existsSync(dbFile())).toBe(false);
    expect(fs.readdirSync(fs.realpathSync(process.env.DATA_DIR!)).filter((f) => f.startsWith('app.db'))).toEqual([]);

    expect(await createDatabase(() => undefined)).toBe(true);
    expect(getDb().select().from(users).all()).toEqual([]);
  });
});
