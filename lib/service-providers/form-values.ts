/**
 * 02 服务商基本信息 as the wizard holds it, and how it maps to the schema
 * (lib/service-providers/schemas.ts), to drafts and back from a stored 服务商. Pure.
 */
import { PROVIDER_SERVICE_TYPES, type ServiceProviderBasicData, type ServiceProviderBasicInput } from './schemas';
import { fileId, list, obj, pick, text } from '@/lib/forms/draft-values';

export type ServiceProviderFormBasic = {
  name: string;
  serviceTypes: string[];
  licenceNumber: string;
  licenceFileId: number | null;
  /** Province codes (110000 …), in the provinces' order. */
  regions: string[];
  rooms: { name: string; address: string; start: string; end: string }[];
};

export function emptyServiceProviderBasic(): ServiceProviderFormBasic {
  return { name: '', serviceTypes: [], licenceNumber: '', licenceFileId: null, regions: [], rooms: [] };
}

export function serviceProviderBasicOf(src: unknown): ServiceProviderFormBasic {
  const b = obj(src);
  const regions = [...new Set(list(b.regions, 40).filter((c): c is string => typeof c === 'string' && /^\d{2}0000$/.test(c)))];
  return {
    name: text(b.name, 100),
    serviceTypes: pick(PROVIDER_SERVICE_TYPES, b.serviceTypes),
    licenceNumber: text(b.licenceNumber, 30),
    licenceFileId: fileId(b.licenceFileId),
    regions,
    rooms: list(b.rooms, 50).map((x) => ({ name: text(obj(x).name, 100), address: text(obj(x).address, 200), start: text(obj(x).start, 64), end: text(obj(x).end, 64) })),
  };
}

export function serviceProviderBasicInput(b: ServiceProviderFormBasic): ServiceProviderBasicInput {
  return {
    name: b.name,
    serviceTypes: b.serviceTypes,
    licenceNumber: b.licenceNumber,
    licenceFileId: b.licenceFileId,
    regions: b.regions,
    rooms: b.rooms,
  } as ServiceProviderBasicInput;
}

export function serviceProviderBasicFileIds(b: ServiceProviderFormBasic): number[] {
  return b.licenceFileId ? [b.licenceFileId] : [];
}

export function serviceProviderBasicFromStored(b: ServiceProviderBasicData): ServiceProviderFormBasic {
  return serviceProviderBasicOf(b);
}

export function serviceProviderFormPath(p: string): string {
  // The provinces are one group of checkboxes: any of its errors is the group's.
  if (p.startsWith('basic.regions')) return 'basic.regions';
  if (p === 'basic.rooms') return 'basic.rooms.root';
  return p;
}
