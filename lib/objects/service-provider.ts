/**
 * 服务商 as a filing object (SPEC §15.4): its step 02, field labels, the 公安备案号 mark 06 and the
 * public fields. Its name is the company's registered name: the object naming rules do not apply.
 */
import { serviceProviderBasicSchema } from '@/lib/service-providers/schemas';
import { SERVICE_PROVIDER_FIELD_LABELS, type ServiceProviderField } from '@/lib/service-providers/labels';
import type { NamingContext } from '@/lib/websites/naming';
import { filingSchema, filingSteps } from './steps';
import type { ObjectType } from './types';

export const serviceProviderObject = {
  key: '服务商',
  label: '服务商',
  routeBase: '/my/providers',
  steps: filingSteps('服务商', serviceProviderBasicSchema),
  schema: filingSchema(serviceProviderBasicSchema),
  fieldLabels: SERVICE_PROVIDER_FIELD_LABELS,
  checkName: (_ctx: Omit<NamingContext, 'domains'>): readonly { message: string }[] => [],
  filingMark: '06',
  publicFields: [
    { key: 'name', label: '服务商名称' },
    { key: 'platforms', label: '服务类型' },
    { key: 'idents', label: '增值电信业务经营许可证编号' },
    { key: 'subjectName', label: '开办主体名称' },
    { key: 'filingNumber', label: '公安备案号' },
    { key: 'filedAt', label: '备案时间' },
    { key: 'unitName', label: '审核单位' },
    { key: 'status', label: '备案状态' },
  ],
} as const satisfies ObjectType<'服务商', ServiceProviderField, Omit<NamingContext, 'domains'>>;
