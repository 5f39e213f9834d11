/**
 * APP as a filing object (SPEC §15.1): the wizard's steps (负责人 and 提示说明 as for websites), the
 * field labels reviewers comment on, the naming rules, the 公安备案号 mark 03 and the public fields.
 */
import { appBasicSchema } from '@/lib/apps/schemas';
import { APP_FIELD_LABELS, type AppField } from '@/lib/apps/labels';
import { contactsSchema, noticeSchema } from '@/lib/websites/schemas';
import { checkObjectName, type NamingContext } from '@/lib/websites/naming';
import { z } from 'zod';
import type { ObjectType } from './types';

export const appObject = {
  key: 'APP',
  label: 'APP',
  routeBase: '/my/apps',
  steps: [
    { title: '开办主体' },
    { title: 'APP基本信息', key: 'basic', schema: appBasicSchema },
    { title: 'APP负责人', key: 'contacts', schema: contactsSchema },
    { title: '提示说明', key: 'notice', schema: noticeSchema },
  ],
  schema: z.object({ basic: appBasicSchema, contacts: contactsSchema, notice: noticeSchema }),
  fieldLabels: APP_FIELD_LABELS,
  checkName: checkObjectName,
  filingMark: '03',
  // SPEC §15.5: 图标, 名称, 运行平台, 开办主体 (masked as for websites), 备案时间, 审核单位, 状态.
  publicFields: [
    { key: 'icon', label: 'APP图标' },
    { key: 'name', label: 'APP名称' },
    { key: 'platforms', label: '运行平台' },
    { key: 'subjectName', label: '开办主体名称' },
    { key: 'filingNumber', label: '公安备案号' },
    { key: 'filedAt', label: '备案时间' },
    { key: 'unitName', label: '审核单位' },
    { key: 'status', label: '备案状态' },
  ],
} as const satisfies ObjectType<'APP', AppField, Omit<NamingContext, 'domains'>>;
