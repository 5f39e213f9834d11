/**
 * The four steps every filing object's wizard has (SPEC §4.1, §15): 01 开办主体 > 02 {对象}基本信息 >
 * 03 {对象}负责人 > 04 提示说明. Only step 02 differs; 负责人 and 提示说明 are the website's.
 */
import { z, type ZodType } from 'zod';
import { contactsSchema, NOTICE_ITEMS, noticeSchema } from '@/lib/websites/schemas';

export function filingSteps<B extends ZodType>(label: string, basic: B) {
  return [
    { title: '开办主体' },
    { title: `${label}基本信息`, key: 'basic', schema: basic },
    { title: `${label}负责人`, key: 'contacts', schema: contactsSchema },
    { title: '提示说明', key: 'notice', schema: noticeSchema },
  ] as const;
}

/** The whole submission: the three steps with values. */
export function filingSchema<B extends ZodType>(basic: B) {
  return z.object({ basic, contacts: contactsSchema, notice: noticeSchema });
}

/** The public fields of an APP-like object (SPEC §15.5): 图标, 名称, 标识 (包名 / 小程序ID), 平台, 开办主体, number, 备案时间, 审核单位, 状态. */
export function appLikePublicFields(label: string, platformLabel: string, identLabel: string) {
  return [
    { key: 'icon', label: `${label}图标` },
    { key: 'name', label: `${label}名称` },
    { key: 'idents', label: identLabel },
    { key: 'platforms', label: platformLabel },
    { key: 'subjectName', label: '开办主体名称' },
    { key: 'filingNumber', label: '公安备案号' },
    { key: 'filedAt', label: '备案时间' },
    { key: 'unitName', label: '审核单位' },
    { key: 'status', label: '备案状态' },
  ] as const;
}

/**
 * 04 提示说明's 告知书 for an object other than a website: items 五 to 七 speak of the object (the
 * number is shown in an app's 关于 screen rather than as a badge on a home page).
 */
export function filingNoticeItems(label: string, shown: 'about' | 'snippet' = 'about'): readonly string[] {
  return [
    ...NOTICE_ITEMS.slice(0, 4),
    shown === 'about' ? `五、在${label}的“关于”页面或其他显著位置展示公安机关核发的联网备案编号；` : `五、在${label}网站首页显著位置张贴公安机关核发的备案图标；`,
    `六、当联网备案信息发生变更时，请您于变更后30日内登录本平台提交变更信息，若未按规定要求、时限办理变更手续，公安机关将依法处理；`,
    `七、当${label}不再提供服务时，请您于5个工作日内登录本平台，向属地公安机关网安部门提出注销申请。`,
  ];
}
