/**
 * 应用市场 as a filing object (SPEC §15.3): its step 02, the field labels reviewers comment on, the
 * object naming rules, the 公安备案号 mark 05 and the public fields (网址 in place of a platform).
 */
import { appStoreBasicSchema } from '@/lib/app-stores/schemas';
import { APP_STORE_FIELD_LABELS, type AppStoreField } from '@/lib/app-stores/labels';
import { checkObjectName, type NamingContext } from '@/lib/websites/naming';
import { filingSchema, filingSteps } from './steps';
import type { ObjectType } from './types';

export const appStoreObject = {
  key: '应用市场',
  label: '应用市场',
  routeBase: '/my/app-stores',
  steps: filingSteps('应用市场', appStoreBasicSchema),
  schema: filingSchema(appStoreBasicSchema),
  fieldLabels: APP_STORE_FIELD_LABELS,
  checkName: (ctx: Omit<NamingContext, 'domains'>) => checkObjectName(ctx, '应用市场'),
  filingMark: '05',
  publicFields: [
    { key: 'name', label: '应用市场名称' },
    { key: 'idents', label: '网址' },
    { key: 'subjectName', label: '开办主体名称' },
    { key: 'filingNumber', label: '公安备案号' },
    { key: 'filedAt', label: '备案时间' },
    { key: 'unitName', label: '审核单位' },
    { key: 'status', label: '备案状态' },
  ],
} as const satisfies ObjectType<'应用市场', AppStoreField, Omit<NamingContext, 'domains'>>;
