import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { websiteDomains, websites } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, orgSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { domainQuery, normalizeNameQuery, searchFilings, SEARCH_MESSAGES, type SearchOutcome } from './search';

let admin: { id: number; role: 'admin'; unitId: null; phoneVerified: true };
const filed: Record<string, { digits: string; filingNumber: string; websiteId: number }> = {};

function names(r: SearchOutcome): string[] {
  if (!r.ok) throw new Error(r.message);
  return r.items.map((i) => i.websiteName);
}

/** Files a website (and its new subject) through the review service, as a reviewer would. */
async function fileWebsite(name: string, domain: string, org = false) {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: org ? await orgSubjectInput(u.id) : await personSubjectInput(u.id) });
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name, domain }));
  decideApplication(admin, s.applicationId, { decision: '通过' });
  const { filingNumber } = decideApplication(admin, w.applicationId, { decision: '通过' });
  filed[name] = { digits: filingNumber!.slice(5, 19), filingNumber: filingNumber!, websiteId: w.websiteId };
  return w;
}

beforeAll(async () => {
  seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770009999', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
  await fileWebsite('朝阳区摄影作品集', 'photo-search.com.cn');
  await fileWebsite('北京朝阳美食地图', 'food-search.com.cn');
  await fileWebsite('云帆科技官网', 'yunfan-search.com.cn', true);
  await fileWebsite('天空Blog空间', 'sky-search.com.cn');
  // Submitted but not filed: never public.
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
  submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name: '朝阳待审网站', domain: 'pending-search.com.cn' }));
});

describe('公共查询 by 网站名称', () => {
  it('finds a 3-character Chinese substring through the trigram index, newest first', () => {
    expect(names(searchFilings('name', '摄影作'))).toEqual(['朝阳区摄影作品集']);
    const r = searchFilings('name', '朝阳区');
    expect(names(r)).toEqual(['朝阳区摄影作品集']);
    expect(r.ok && r.total).toBe(1);
  });

  it('finds 2- and 1-character substrings with their totals, and never an unfiled website', () => {
    const r = searchFilings('name', '朝阳');
    expect(names(r)).toEqual(['北京朝阳美食地图', '朝阳区摄影作品集']);
    expect(r.ok && r.total).toBe(2);
    const one = searchFilings('name', '集');
    expect(names(one)).toEqual(['朝阳区摄影作品集']);
    expect(one.ok && one.total).toBe(1);
    expect(names(searchFilings('name', '待审'))).toEqual([]);
  });

  it('matches Latin letters case-insensitively, full-width input included', () => {
    expect(names(searchFilings('name', 'blog'))).toEqual(['天空Blog空间']);
    expect(names(searchFilings('name', 'ＢＬ'))).toEqual(['天空Blog空间']);
    expect(normalizeNameQuery('  ＢＬＯＧ  ')).toBe('blog');
  });

  it('treats quotes and FTS operators as plain text', () => {
    expect(names(searchFilings('name', '"朝阳" OR 云帆'))).toEqual([]);
    expect(names(searchFilings('name', 'a*b'))).toEqual([]);
  });

  it('follows a rename and a cancellation; the cancelled filing shows as 已注销', () => {
    const { websiteId, digits } = filed['云帆科技官网'];
    getDb().update(websites).set({ name: '云帆数字科技' }).where(eq(websites.id, websiteId)).run();
    expect(names(searchFilings('name', '官网'))).toEqual([]);
    expect(names(searchFilings('name', '数字科技'))).toEqual(['云帆数字科技']);
    getDb().update(websites).set({ status: '已注销' }).where(eq(websites.id, websiteId)).run();
    const r = searchFilings('code', digits);
    expect(r.ok && r.items[0]).toMatchObject({ websiteName: '云帆数字科技', status: '已注销' });
    expect(searchFilings('name', '云帆').ok && (searchFilings('name', '云帆') as { items: { status: string }[] }).items[0].status).toBe('已注销');
  });

  it('refuses an empty query with a message', () => {
    expect(searchFilings('name', '   ')).toMatchObject({ ok: false, message: SEARCH_MESSAGES.empty });
  });
});

describe('公共查询 by 网站域名', () => {
  it('normalises the typed host (case, trailing dot, www., pasted URL) and finds it', () => {
    for (const q of ['www.photo-search.com.cn', 'WWW.Photo-Search.COM.CN.', 'https://www.photo-search.com.cn/about?x=1', 'photo-search.com.cn']) {
      expect(names(searchFilings('domain', q))).toEqual(['朝阳区摄影作品集']);
    }
  });

  it('finds a filed domain from any of its subdomains', () => {
    const { websiteId } = filed['北京朝阳美食地图'];
    getDb().insert(websiteDomains).values({ websiteId, unicode: '美食.中国', ascii: 'xn--lt0am23c.xn--fiqs8s', registrable: 'xn--lt0am23c.xn--fiqs8s', isPrimary: false }).run();
    expect(names(searchFilings('domain', 'm.www.food-search.com.cn'))).toEqual(['北京朝阳美食地图']);
    expect(names(searchFilings('domain', 'shop.美食.中国'))).toEqual(['北京朝阳美食地图']);
    expect(names(searchFilings('domain', 'xn--lt0am23c.xn--fiqs8s'))).toEqual(['北京朝阳美食地图']);
    expect(names(searchFilings('domain', 'other-food-search.com.cn'))).toEqual([]);
    expect(names(searchFilings('domain', 'pending-search.com.cn'))).toEqual([]);
  });

  it('lists the candidate hosts down to the registrable domain only', () => {
    expect(domainQuery('a.b.example.com.cn')).toEqual({
      hosts: ['a.b.example.com.cn', 'www.a.b.example.com.cn', 'b.example.com.cn', 'example.com.cn'],
      registrable: null,
    });
    expect(domainQuery('example.com.cn')).toEqual({ hosts: ['example.com.cn', 'www.example.com.cn'], registrable: 'example.com.cn' });
    expect(searchFilings('domain', 'not a domain')).toMatchObject({ ok: false, message: SEARCH_MESSAGES.domain });
  });
});

describe('公共查询 by 联网备案号', () => {
  it('finds a number with and without its prefix and 号', () => {
    const { digits, filingNumber } = filed['朝阳区摄影作品集'];
    for (const q of [digits, filingNumber, `公网安备${digits}`, ` ${digits}号 `]) {
      const r = searchFilings('code', q);
      expect(names(r)).toEqual(['朝阳区摄影作品集']);
      expect(r.ok && r.items[0]).toMatchObject({ digits, filingNumber, subjectName: '张*', status: '已备案' });
    }
    expect(names(searchFilings('code', '11010599999999'))).toEqual([]);
    expect(searchFilings('code', '12345')).toMatchObject({ ok: false, message: SEARCH_MESSAGES.code });
  });
});

describe('the name index (migration 0005 triggers)', () => {
  it('holds exactly the 1- and 2-character substrings of every numbered name, with true totals', () => {
    const db = getDb().$client;
    const expected = new Map<string, number>();
    for (const { name } of db.prepare('SELECT name FROM websites WHERE filing_digits IS NOT NULL').all() as { name: string }[]) {
      const chars = [...name.replace(/[A-Z]/g, (c) => c.toLowerCase())];
      const grams = new Set([...chars, ...chars.slice(1).map((c, i) => chars[i] + c)]);
      for (const g of grams) expected.set(g, (expected.get(g) ?? 0) + 1);
    }
    const counts = new Map((db.prepare('SELECT gram, n FROM public_gram_counts WHERE n > 0').all() as { gram: string; n: number }[]).map((r) => [r.gram, r.n]));
    const rows = new Map((db.prepare('SELECT gram, count(*) AS n FROM public_name_grams GROUP BY gram').all() as { gram: string; n: number }[]).map((r) => [r.gram, r.n]));
    expect(counts).toEqual(expected);
    expect(rows).toEqual(expected);
    const fts = db.prepare('SELECT count(*) FROM public_name_fts').pluck().get();
    expect(fts).toBe(db.prepare('SELECT count(*) FROM websites WHERE filing_digits IS NOT NULL').pluck().get());
  });
});

describe('hostile characters in a query', () => {
  it('drops a NUL and other hidden characters instead of failing (FTS5 refused a NUL inside a phrase)', () => {
    for (const q of ['a\u0000b', '朝阳\u0000区', '摄影\u0000作品', '摄\u200B影作', '\u202E朝阳区', 'x\u0001y\u007fz']) {
      const r = searchFilings('name', q);
      expect(r.ok, JSON.stringify(q)).toBe(true);
    }
    expect(names(searchFilings('name', '朝阳\u0000区'))).toEqual(['朝阳区摄影作品集']);
    expect(names(searchFilings('name', '摄\u200B影作'))).toEqual(['朝阳区摄影作品集']);
    const r = searchFilings('name', 'a\u0000b');
    expect(r.ok && { query: r.query, total: r.total }).toEqual({ query: 'ab', total: 0 });
    expect(searchFilings('domain', 'photo-search\u0000.com.cn')).toMatchObject({ ok: true, total: 1 });
    expect(searchFilings('code', '\u0000')).toMatchObject({ ok: false, message: SEARCH_MESSAGES.empty });
  });
});

describe('many matches', () => {
  it('counts trigram matches up to 500 (the 50 pages served) and says there are more; 1–2 character totals stay exact; deleting websites takes them out', () => {
    const db = getDb().$client;
    const subjectId = db.prepare('SELECT subject_id FROM websites WHERE filing_digits IS NOT NULL LIMIT 1').pluck().get() as number;
    const insert = db.prepare(
      "INSERT INTO websites (subject_id, name, status, interactive, filing_digits, filing_number, data, created_at, updated_at) VALUES (?, ?, '已备案', 0, ?, ?, '{}', 0, 0)",
    );
    db.transaction(() => {
      for (let i = 0; i < 505; i++) {
        const digits = `110199${String(i).padStart(8, '0')}`;
        insert.run(subjectId, `大批量测试站${i}`, digits, `京公网安备${digits}号`);
      }
    })();
    const many = searchFilings('name', '批量测');
    expect(many).toMatchObject({ ok: true, total: 500, totalCapped: true, pageCount: 50 });
    expect(names(many)).toHaveLength(10);
    const last = searchFilings('name', '批量测', 99);
    expect(last.ok && last.page).toBe(50);
    expect(searchFilings('name', '大批')).toMatchObject({ ok: true, total: 505, totalCapped: false, pageCount: 50 });
    expect(searchFilings('name', '测试站4')).toMatchObject({ ok: true, total: 111, totalCapped: false });

    db.prepare("DELETE FROM websites WHERE name LIKE '大批量测试站%'").run();
    expect(searchFilings('name', '大批')).toMatchObject({ ok: true, total: 0 });
    expect(searchFilings('name', '批量测')).toMatchObject({ ok: true, total: 0 });
    expect(db.prepare("SELECT n FROM public_gram_counts WHERE gram = '批'").pluck().get()).toBe(0);
  });
});
