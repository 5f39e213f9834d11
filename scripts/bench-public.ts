/**
 * The public-query half of `npm run bench` (SPEC §13): fills the database with filed websites
 * (default 1,000,000, `BENCH_WEBSITES` to change) and their subjects through the real schema and
 * triggers, for searchFilings measured in process and for the HTTP bench (scripts/bench-http.ts).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { dropStatisticsSamples, type DB } from '@/db/client';

export type Row = { name: string; p50: number; p95: number; p99: number; target?: number };

const PLACES = '北京 朝阳 海淀 东城 西城 丰台 通州 顺义 昌平 大兴 上海 浦东 徐汇 广州 天河 深圳 南山 杭州 西湖 成都 武侯 武汉 江汉 南京 鼓楼 西安 雁塔 重庆 渝中 天津 和平 苏州 姑苏 长沙 岳麓 郑州 金水 青岛 崂山 厦门 思明 宁波 合肥 济南 沈阳 大连 昆明 贵阳 南宁 福州 哈尔滨 长春 石家庄 太原 兰州 西宁 银川 拉萨 乌鲁木齐 呼和浩特 海口'.split(' ');
const BRANDS = '云帆 星河 蓝天 绿叶 金石 新锐 智慧 阳光 明德 远航 晨曦 启明 青禾 墨竹 鸿鹄 海棠 松柏 白鹭 春晖 秋实 若水 知行 博雅 致远 清风 明月 山海 桃李 翰墨 匠心 微光 拾光 半夏 南风 北辰 东篱 西岭 朗月 星火 凌云 碧波 银杏 丹枫 紫荆 玉兰 梧桐 芳草 长河 恒信 佳和 安泰 瑞丰 嘉禾 鼎盛 宏图 华彩 盛景 万象 千帆 百川'.split(' ');
const TRADES = '科技 信息 文化 教育 旅游 美食 摄影 设计 建筑 物流 医药 农业 电子 软件 网络 传媒 咨询 贸易 家居 汽车 体育 音乐 书画 茶叶 花卉 宠物 母婴 服装 餐饮 酒店 装饰 印刷 环保 能源 金融 法律 会计 翻译 培训 养老'.split(' ');
const ENDS = '网 官网 资讯网 服务平台 工作室 作品集 信息网 之家 商城 门户 主页 展示网站 Blog 在线 频道'.split(' ');
const TLDS = ['com.cn', 'cn', 'com', 'net', 'org.cn', 'net.cn'];

/** A small deterministic PRNG so two runs measure the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The statements of migration 0005 that fill the name index from existing websites, and the
 * insert trigger. Generation drops the trigger, inserts, and fills the index in bulk with the
 * migration's own statements (as on an upgrade), ~3× faster than row by row.
 */
function nameIndexStatements() {
  const parts = fs
    .readFileSync(path.join(process.cwd(), 'db', 'migrations', '0005_public_search.sql'), 'utf8')
    .split('--> statement-breakpoint')
    .map((x) => x.replace(/^(--.*\n)+/gm, '').trim());
  const backfill = parts.filter((x) => /^INSERT INTO public_(name_fts|name_grams|gram_counts)/.test(x));
  const trigger = parts.find((x) => x.startsWith('CREATE TRIGGER websites_public_insert'));
  if (backfill.length !== 3 || !trigger) throw new Error('0005_public_search.sql changed: update the bench');
  return { backfill, trigger };
}

/**
 * `count` filed websites. On an empty table the name index is built in bulk afterwards; on a
 * database that already has websites (the demo of the HTTP bench) the rows go through the insert
 * trigger and the numbers continue each unit's sequence.
 */
export function generateFilings(db: DB, count: number): { ms: number; indexMs: number; names: string[]; hosts: string[]; numbers: string[] } {
  const raw = db.$client;
  const bulk = raw.prepare('select count(*) from websites').pluck().get() === 0;
  const index = nameIndexStatements();
  if (bulk) raw.exec('DROP TRIGGER websites_public_insert');
  const rand = rng(20261123);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const now = Date.now();
  const t0 = performance.now();
  const owner = raw
    .prepare(
      "insert into users (role, name, phone_enc, phone_hmac, phone_masked, password_hash, status, session_version, created_at, updated_at) values ('applicant', '基准用户', 'x', 'bench-public', '138****0001', 'x', 'active', 1, ?, ?)",
    )
    .run(now, now).lastInsertRowid;
  // One unit per Beijing district code: each has 999,999 numbers.
  const codes = ['110101', '110102', '110105', '110106', '110107', '110108', '110109', '110111', '110112', '110113', '110114', '110115', '110116', '110117', '110118', '110119'];
  const unitIds = codes.map((code, i) => {
    const existing = raw.prepare('select id from police_units where code = ?').pluck().get(code) as number | undefined;
    return existing ?? (raw.prepare('insert into police_units (name, code, created_at) values (?, ?, ?)').run(`基准分局${i}网安大队`, code, now).lastInsertRowid as number);
  });
  const insSubject = raw.prepare(
    `insert into subjects (owner_id, nature, unit_type, name, principal_name, principal_id_type, principal_id_enc, principal_id_hmac, principal_id_masked,
       principal_phone_enc, principal_phone_hmac, principal_phone_masked, jurisdiction_code, unit_id, status, data, created_at, updated_at)
     values (?, ?, ?, ?, ?, '居民身份证', 'x', ?, '110*****34', 'x', ?, '138****0000', ?, ?, '有效', '{}', ?, ?)`,
  );
  const insWebsite = raw.prepare(
    `insert into websites (subject_id, name, status, interactive, filing_digits, filing_number, filing_unit_id, filed_at, data, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
  );
  const insDomain = raw.prepare('insert into website_domains (website_id, unicode, ascii, registrable, is_primary) values (?, ?, ?, ?, 1)');
  const seqs = unitIds.map((id) => (raw.prepare("select seq from filing_sequences where unit_id = ? and mark = '02'").pluck().get(id) as number | undefined) ?? 0);
  const names: string[] = [];
  const hosts: string[] = [];
  const numbers: string[] = [];
  const BATCH = 20_000;
  let subjectId = 0;
  for (let done = 0; done < count; ) {
    const n = Math.min(BATCH, count - done);
    raw.transaction(() => {
      for (let i = 0; i < n; i++) {
        const k = done + i;
        const u = k % codes.length;
        // Two websites per subject on average.
        if (k % 2 === 0) {
          const person = rand() < 0.4;
          const sname = person ? `${pick('王李张刘陈杨赵黄周吴'.split(''))}${pick('伟芳娜敏静丽强磊军洋勇艳杰涛明超'.split(''))}` : `${pick(PLACES)}${pick(BRANDS)}${pick(TRADES)}有限公司`;
          subjectId = insSubject.run(owner, person ? '个人' : '单位', person ? null : '企业', sname, sname.slice(0, 2), `h${k}`, `p${k}`, codes[u], unitIds[u], now, now).lastInsertRowid as number;
        }
        const name = `${rand() < 0.7 ? pick(PLACES) : ''}${pick(BRANDS)}${pick(TRADES)}${pick(ENDS)}`;
        const digits = `${codes[u]}02${String(++seqs[u]).padStart(6, '0')}`;
        const number = `京公网安备${digits}号`;
        const host = `www.site${k}-${Math.floor(rand() * 1e6)}.${pick(TLDS)}`;
        const status = rand() < 0.03 ? '已注销' : '已备案';
        // Filed 60 days to 5 years ago: past the placement-check period, so the server's daily job leaves them alone.
        const filedAt = now - 60 * 86_400_000 - Math.floor(rand() * 5 * 365 * 86_400_000);
        const id = insWebsite.run(subjectId, name, status, rand() < 0.1 ? 1 : 0, digits, number, unitIds[u], filedAt, now, now).lastInsertRowid as number;
        const registrable = host.slice(4);
        insDomain.run(id, host, host, registrable);
        if (k % 997 === 0) {
          names.push(name);
          hosts.push(host);
          numbers.push(number);
        }
      }
    })();
    done += n;
    if (done % 200_000 === 0 || done === count) process.stdout.write(`  已生成 ${done.toLocaleString()} 个已备案网站（${((performance.now() - t0) / 1000).toFixed(0)} s）\n`);
  }
  codes.forEach((_, u) => raw.prepare("insert into filing_sequences (unit_id, mark, seq) values (?, '02', ?) on conflict (unit_id, mark) do update set seq = excluded.seq").run(unitIds[u], seqs[u]));
  const t1 = performance.now();
  if (bulk)
    raw.transaction(() => {
      for (const sql of index.backfill) raw.exec(sql);
      raw.exec(index.trigger);
    })();
  const indexMs = performance.now() - t1;
  raw.pragma('wal_checkpoint(TRUNCATE)');
  // Row counts for the planner, without the samples the platform does not keep (db/client.ts).
  raw.exec('ANALYZE');
  dropStatisticsSamples(raw);
  return { ms: performance.now() - t0, indexMs, names, hosts, numbers };
}

const APP_ENDS = '助手 管家 通 宝 App 极速版 Pro 商城 在线 课堂 出行 健康 相机 地图 阅读 记账 打卡'.split(' ');
const MINI_ENDS = '小程序 预约 服务 点餐 商城 助手 查询 会员 工具 课堂 挂号 缴费'.split(' ');
const APP_PLATFORMS = ['安卓', 'iOS', '鸿蒙'];
const MINI_PLATFORMS = ['微信', '支付宝', '百度', '抖音', 'QQ'];

/**
 * The statements of migration 0009 that fill the APP / 小程序 name indexes from existing filings, and
 * their insert trigger (dropped while generating, as for websites).
 */
function objectIndexStatements() {
  const parts = fs
    .readFileSync(path.join(process.cwd(), 'db', 'migrations', '0009_public_filing_search.sql'), 'utf8')
    .split('--> statement-breakpoint')
    .map((x) => x.replace(/^(--.*\n)+/gm, '').trim());
  const backfill = parts.filter((x) => /^INSERT (OR IGNORE )?INTO filing_(app_name_fts|mini_program_name_fts|name_grams|gram_counts)/.test(x));
  const trigger = parts.find((x) => x.startsWith('CREATE TRIGGER filings_public_insert'));
  if (backfill.length !== 5 || !trigger) throw new Error('0009_public_filing_search.sql changed: update the bench');
  return { backfill, trigger };
}

export type ObjectSamples = { appNames: string[]; packages: string[]; appNumbers: string[]; miniNames: string[]; appIds: string[] };

/**
 * Filed APPs and 小程序 (SPEC §15.5), `apps` and `minis` of them, owned by the subjects generateFilings
 * made, with their filing_keys (包名 per 运行平台, 小程序ID), through the real schema; the name
 * indexes of migration 0009 are filled in bulk afterwards. `data` holds what the public view reads.
 */
export function generateObjectFilings(db: DB, apps: number, minis: number): { ms: number; indexMs: number } & ObjectSamples {
  const raw = db.$client;
  if (raw.prepare('select count(*) from filings').pluck().get() !== 0) throw new Error('the bench fills an empty filings table');
  const [minSubject, maxSubject] = raw.prepare('select min(id), max(id) from subjects').raw().get() as [number, number];
  if (!minSubject) throw new Error('generateFilings first: APPs and 小程序 belong to its subjects');
  const units = raw.prepare("select id, code from police_units where name like '基准分局%' order by id").all() as { id: number; code: string }[];
  const index = objectIndexStatements();
  raw.exec('DROP TRIGGER filings_public_insert');
  const rand = rng(20261206);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const now = Date.now();
  const t0 = performance.now();
  const insFiling = raw.prepare(
    `insert into filings (kind, subject_id, name, status, interactive, filing_digits, filing_number, filing_unit_id, filed_at, data, created_at, updated_at)
     values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insKey = raw.prepare('insert into filing_keys (filing_id, kind, platform, ident, live) values (?, ?, ?, ?, ?)');
  const samples: ObjectSamples = { appNames: [], packages: [], appNumbers: [], miniNames: [], appIds: [] };
  const seqs = new Map<string, number>();
  const BATCH = 20_000;
  for (const [kind, count, mark] of [['APP', apps, '03'], ['小程序', minis, '04']] as const) {
    for (let done = 0; done < count; ) {
      const n = Math.min(BATCH, count - done);
      raw.transaction(() => {
        for (let i = 0; i < n; i++) {
          const k = done + i;
          const u = units[k % units.length];
          const seq = (seqs.get(u.code + mark) ?? 0) + 1;
          seqs.set(u.code + mark, seq);
          const digits = `${u.code}${mark}${String(seq).padStart(6, '0')}`;
          const number = `京公网安备${digits}号`;
          const cancelled = rand() < 0.03;
          const filedAt = now - 60 * 86_400_000 - Math.floor(rand() * 5 * 365 * 86_400_000);
          const subjectId = minSubject + Math.floor(rand() * (maxSubject - minSubject + 1));
          const live = cancelled ? 0 : 1;
          if (kind === 'APP') {
            const name = `${rand() < 0.3 ? pick(PLACES) : ''}${pick(BRANDS)}${pick(TRADES)}${pick(APP_ENDS)}`;
            const pkg = `com.${pick(['yunfan', 'xinghe', 'lantian', 'bench'])}${k}.${pick(['app', 'mobile', 'client'])}`;
            const platforms = APP_PLATFORMS.slice(0, 1 + Math.floor(rand() * 2)).map((platform) => ({ platform, packageName: pkg }));
            const data = JSON.stringify({ kind, basic: { name, iconFileId: null, platforms } });
            const id = insFiling.run(kind, subjectId, name, cancelled ? '已注销' : '已备案', digits, number, u.id, filedAt, data, now, now).lastInsertRowid as number;
            for (const p of platforms) insKey.run(id, kind, p.platform, pkg, live);
            if (k % 997 === 0) {
              samples.appNames.push(name);
              // Typed in another case: the look-up ignores it.
              samples.packages.push(k % 2 ? pkg.toUpperCase() : pkg);
              samples.appNumbers.push(k % 2 ? number : digits);
            }
          } else {
            const name = `${rand() < 0.3 ? pick(PLACES) : ''}${pick(BRANDS)}${pick(TRADES)}${pick(MINI_ENDS)}`;
            const appId = `wx${(0x1000000000000000n + BigInt(k)).toString(16)}`;
            const platform = pick(MINI_PLATFORMS);
            const data = JSON.stringify({ kind, basic: { name, iconFileId: null, platform, platformOther: '', appId } });
            const id = insFiling.run(kind, subjectId, name, cancelled ? '已注销' : '已备案', digits, number, u.id, filedAt, data, now, now).lastInsertRowid as number;
            insKey.run(id, kind, platform, appId, live);
            if (k % 997 === 0) {
              samples.miniNames.push(name);
              samples.appIds.push(k % 2 ? appId.toUpperCase() : appId);
            }
          }
        }
      })();
      done += n;
      if (done % 200_000 === 0 || done === count) process.stdout.write(`  已生成 ${done.toLocaleString()} 个已备案${kind}（${((performance.now() - t0) / 1000).toFixed(0)} s）\n`);
    }
  }
  for (const u of units)
    for (const mark of ['03', '04'])
      raw.prepare('insert into filing_sequences (unit_id, mark, seq) values (?, ?, ?) on conflict (unit_id, mark) do update set seq = excluded.seq').run(u.id, mark, seqs.get(u.code + mark) ?? 0);
  const t1 = performance.now();
  // A large page cache while two million names are indexed; the queries are measured with the default one.
  const cacheSize = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma('cache_size = -1000000');
  raw.pragma('temp_store = MEMORY');
  raw.transaction(() => {
    for (const sql of index.backfill) {
      const t = performance.now();
      raw.exec(sql);
      if (process.env.BENCH_VERBOSE) process.stdout.write(`  ${sql.slice(0, 40)}… ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    }
    raw.exec(index.trigger);
  })();
  raw.pragma(`cache_size = ${cacheSize}`);
  raw.pragma('temp_store = DEFAULT');
  const indexMs = performance.now() - t1;
  raw.pragma('wal_checkpoint(TRUNCATE)');
  // Row counts for the planner, without the samples the platform does not keep (db/client.ts).
  raw.exec('ANALYZE');
  dropStatisticsSamples(raw);
  return { ms: performance.now() - t0, indexMs, ...samples };
}

/** Substrings of `len` characters of each name (deterministic). */
export function nameSamples(names: string[], len: number, seed: number): string[] {
  const rand = rng(seed);
  return names.map((n) => {
    const chars = [...n];
    const at = Math.floor(rand() * Math.max(1, chars.length - len + 1));
    return chars.slice(at, at + len).join('');
  });
}

/** Query samples per type, drawn from the generated data (so they match, as real look-ups do). */
export function querySamples(data: { names: string[]; hosts: string[]; numbers: string[] }) {
  const rand = rng(7);
  const sub = (len: number) =>
    data.names.map((n) => {
      const chars = [...n];
      const at = Math.floor(rand() * Math.max(1, chars.length - len + 1));
      return chars.slice(at, at + len).join('');
    });
  return {
    name1: sub(1),
    name2: sub(2),
    name3: sub(3),
    name5: sub(5),
    domain: data.hosts.map((h, i) => (i % 3 === 0 ? h : i % 3 === 1 ? h.slice(4) : `m.${h}`)),
    code: data.numbers.map((n, i) => (i % 2 === 0 ? n : n.slice(5, 19))),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
