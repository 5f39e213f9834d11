/**
 * The fields every filing object shares with 网站 (SPEC §4.1, §15): 是否提供互联网交互服务 with its
 * 服务类型 (A–G), 管制物品 with their 资质证明, 相关前置许可 and 语种 — one zod shape and one check,
 * named per object (网站类型 / 网站语种 for websites, 服务类型 / 语种 for APPs and 小程序). Pure: the
 * browser wizards use it too.
 */
import { z } from 'zod';
import { nameText } from '@/lib/validation/text';
import { PERMIT_ITEMS } from '@/lib/websites/naming';

export const CONTROLLED_ITEMS = ['民爆物品', '放射性物品', '管制器具', '剧毒化学物', '警用装备', '枪支弹药', '易制爆危险化学品'] as const;
export const LANGUAGES = ['中文简体', '中文繁体', '英语', '法语', '西班牙语', '德语', '日语', '俄语', '阿拉伯语', '朝鲜语', '哈萨克语', '蒙古语', '维吾尔语', '藏语', '其他'] as const;

export const yesNo = z.enum(['是', '否'], { error: '请选择' });
export const fileId = z.coerce.number({ error: '请重新上传文件' }).int('请重新上传文件').positive('请重新上传文件').nullable().optional();

/** What the fields are called on this object's form: 网站类型 / 服务类型, 网站语种 / 语种. */
export type ServiceFieldNames = { types: string; languages: string };

export function serviceFieldsShape(names: ServiceFieldNames) {
  return {
    interactive: yesNo,
    siteTypes: z.array(z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G'], { error: `请选择${names.types}` }), { error: `请选择${names.types}` }).max(7, `请选择${names.types}`).default([]),
    controlled: yesNo,
    controlledItems: z
      .array(z.object({ item: z.enum(CONTROLLED_ITEMS, { error: '请选择涉及的管制物品' }), fileId }), { error: '请选择涉及的管制物品' })
      .max(CONTROLLED_ITEMS.length, '请选择涉及的管制物品')
      .default([]),
    permitsNeeded: yesNo,
    permits: z
      .array(z.object({ item: z.enum(PERMIT_ITEMS, { error: '请选择相关前置许可' }), licenseNumber: nameText('许可证号', 50), fileId }), { error: '请选择相关前置许可' })
      .max(PERMIT_ITEMS.length, '请选择相关前置许可')
      .default([]),
    languages: z
      .array(z.enum(LANGUAGES, { error: `请选择${names.languages}` }), { error: `请选择${names.languages}` })
      .min(1, `请选择${names.languages}`)
      .max(LANGUAGES.length, `请选择${names.languages}`),
  };
}

type ServiceValues = {
  interactive?: string;
  siteTypes?: readonly string[];
  controlled?: string;
  controlledItems?: readonly { item: string; fileId?: number | null }[];
  permitsNeeded?: string;
  permits?: readonly { item: string; licenseNumber?: string; fileId?: number | null }[];
};

/** The cross-field rules: 服务类型 when interactive, each 管制物品 with its proof, each 前置许可 with number and file. */
export function checkServiceFields(v: ServiceValues, ctx: z.RefinementCtx, names: ServiceFieldNames) {
  const issue = (path: (string | number)[], message: string | null) => {
    if (message) ctx.addIssue({ code: 'custom', path, message });
  };
  if (v.interactive === '是' && !v.siteTypes?.length) issue(['siteTypes'], `请选择${names.types}`);
  if (v.controlled === '是') {
    if (!v.controlledItems?.length) issue(['controlledItems'], '请选择涉及的管制物品');
    v.controlledItems?.forEach((c, i) => issue(['controlledItems', i, 'fileId'], c.fileId ? null : `请上传${c.item}的资质证明`));
  }
  if (v.permitsNeeded === '是') {
    if (!v.permits?.length) issue(['permits'], '请选择相关前置许可');
    v.permits?.forEach((p, i) => {
      issue(['permits', i, 'licenseNumber'], p.licenseNumber ? null : `请填写${p.item}许可证号`);
      issue(['permits', i, 'fileId'], p.fileId ? null : `请上传${p.item}许可证件`);
    });
  }
}
