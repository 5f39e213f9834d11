/**
 * Demo data of /admin/imports (SPEC §8.2, §8.3), through the import service as CSV files: 未备案网站
 * (one of 张伟's company 北京云帆网络科技有限公司, pushed at once; one not matching anyone, 待推送)
 * and three 旧备案 (one of 张伟's company, claimable by its 证件号码; two of other phones).
 */
import { importFile } from '@/lib/imports/service';
import { beijingDate } from '@/lib/time';
import { withIdCheck, withUsccCheck } from './accounts';

/** 北京云帆网络科技有限公司 (scripts/seed/index.ts). */
export const YUNFAN_USCC = withUsccCheck('91110105MA01C8K2X');
const OTHER_USCC = withUsccCheck('91110108MA02D3F5K');

export function seedImports(ids: Record<string, number>, now = Date.now()): void {
  const admin = ids['13800000001'];
  const found = beijingDate(now - 10 * 86_400_000);
  const unfiled = [
    '网站名称,域名,证件类型,证件号码,发现日期',
    `云帆活动报名站,event.yunfan-tech.cn,统一社会信用代码证,${YUNFAN_USCC},${found}`,
    `星河商城,www.xinghe-mall.cn,统一社会信用代码证,${OTHER_USCC},${found}`,
  ].join('\r\n');
  const legacy = [
    '旧备案号,网站名称,域名,开办主体名称,证件类型,证件号码,负责人手机号码,备案时间',
    `京公网安备11010502900001号,云帆旧版官网,old.yunfan-tech.cn,北京云帆网络科技有限公司,统一社会信用代码证,${YUNFAN_USCC},13800000003,2016-04-12`,
    `京公网安备11010502900002号,陈静旅行随笔,travel.chenjing-photo.cn,陈静,居民身份证,${withIdCheck('11010819920716004')},13800000006,2017-09-01`,
    `京公网安备11010802900003号,明远书画社,www.mingyuan-art.cn,北京明远书画社,统一社会信用代码证,${withUsccCheck('52110108MJ0123456')},13900001111,2018-11-20`,
  ].join('\r\n');
  for (const [kind, name, csv] of [
    ['未备案网站', '未备案网站（演示）.csv', unfiled],
    ['旧备案', '旧备案（演示）.csv', legacy],
  ] as const) {
    const r = importFile(admin, kind, name, new TextEncoder().encode(csv), now);
    if (!r.ok) throw new Error(`demo ${kind} import: ${r.fatal ?? r.errors.map((e) => `第${e.line}行：${e.message}`).join('; ')}`);
  }
}
