/** 小程序 as a filing object (SPEC §15.2): as APP, with its own step 02 and the 公安备案号 mark 04. */
import { miniProgramBasicSchema } from '@/lib/mini-programs/schemas';
import { MINI_PROGRAM_FIELD_LABELS, type MiniProgramField } from '@/lib/mini-programs/labels';
import { contactsSchema, noticeSchema } from '@/lib/websites/schemas';
import { checkObjectName, type NamingContext } from '@/lib/websites/naming';
import { z } from 'zod';
import type { ObjectType } from './types';

export const miniProgramObject = {
  key: '小程序',
  label: '小程序',
  routeBase: '/my/mini-programs',
  steps: [
    { title: '开办主体' },
    { title: '小程序基本信息', key: 'basic', schema: miniProgramBasicSchema },
    { title: '小程序负责人', key: 'contacts', schema: contactsSchema },
    { title: '提示说明', key: 'notice', schema: noticeSchema },
  ],
  schema: z.object({ basic: miniProgramBasicSchema, contacts: contactsSchema, notice: noticeSchema }),
  fieldLabels: MINI_PROGRAM_FIELD_LABELS,
  checkName: checkObjectName,
  filingMark: '04',
  publicFields: [
    { key: 'icon', label: '小程序图标' },
    { key: 'name', label: '小程序名称' },
    { key: 'platforms', label: '所属平台' },
    { key: 'subjectName', label: '开办主体名称' },
    { key: 'filingNumber', label: '公安备案号' },
    { key: 'filedAt', label: '备案时间' },
    { key: 'unitName', label: '审核单位' },
    { key: 'status', label: '备案状态' },
  ],
} as const satisfies ObjectType<'小程序', MiniProgramField, Omit<NamingContext, 'domains'>>;
