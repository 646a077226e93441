// Province-level regions (GB/T 2260) and the five 计划单列市, with the short names the China map uses.

export interface Region {
  code: string;
  name: string;
  nameEn: string;
  /** The name on the china-geojson map (广东, not 广东省). */
  short: string;
}

export const PROVINCES: readonly Region[] = [
  { code: '110000', name: '北京市', nameEn: 'Beijing', short: '北京' },
  { code: '120000', name: '天津市', nameEn: 'Tianjin', short: '天津' },
  { code: '130000', name: '河北省', nameEn: 'Hebei', short: '河北' },
  { code: '140000', name: '山西省', nameEn: 'Shanxi', short: '山西' },
  { code: '150000', name: '内蒙古自治区', nameEn: 'Inner Mongolia', short: '内蒙古' },
  { code: '210000', name: '辽宁省', nameEn: 'Liaoning', short: '辽宁' },
  { code: '220000', name: '吉林省', nameEn: 'Jilin', short: '吉林' },
  { code: '230000', name: '黑龙江省', nameEn: 'Heilongjiang', short: '黑龙江' },
  { code: '310000', name: '上海市', nameEn: 'Shanghai', short: '上海' },
  { code: '320000', name: '江苏省', nameEn: 'Jiangsu', short: '江苏' },
  { code: '330000', name: '浙江省', nameEn: 'Zhejiang', short: '浙江' },
  { code: '340000', name: '安徽省', nameEn: 'Anhui', short: '安徽' },
  { code: '350000', name: '福建省', nameEn: 'Fujian', short: '福建' },
  { code: '360000', name: '江西省', nameEn: 'Jiangxi', short: '江西' },
  { code: '370000', name: '山东省', nameEn: 'Shandong', short: '山东' },
  { code: '410000', name: '河南省', nameEn: 'Henan', short: '河南' },
  { code: '420000', name: '湖北省', nameEn: 'Hubei', short: '湖北' },
  { code: '430000', name: '湖南省', nameEn: 'Hunan', short: '湖南' },
  { code: '440000', name: '广东省', nameEn: 'Guangdong', short: '广东' },
  { code: '450000', name: '广西壮族自治区', nameEn: 'Guangxi', short: '广西' },
  { code: '460000', name: '海南省', nameEn: 'Hainan', short: '海南' },
  { code: '500000', name: '重庆市', nameEn: 'Chongqing', short: '重庆' },
  { code: '510000', name: '四川省', nameEn: 'Sichuan', short: '四川' },
  { code: '520000', name: '贵州省', nameEn: 'Guizhou', short: '贵州' },
  { code: '530000', name: '云南省', nameEn: 'Yunnan', short: '云南' },
  { code: '540000', name: '西藏自治区', nameEn: 'Tibet', short: '西藏' },
  { code: '610000', name: '陕西省', nameEn: 'Shaanxi', short: '陕西' },
  { code: '620000', name: '甘肃省', nameEn: 'Gansu', short: '甘肃' },
  { code: '630000', name: '青海省', nameEn: 'Qinghai', short: '青海' },
  { code: '640000', name: '宁夏回族自治区', nameEn: 'Ningxia', short: '宁夏' },
  { code: '650000', name: '新疆维吾尔自治区', nameEn: 'Xinjiang', short: '新疆' },
  { code: '660000', name: '新疆生产建设兵团', nameEn: 'Xinjiang Production and Construction Corps', short: '新疆' },
];

/** Cities with separate planning status: recommending units of their own, inside a province. */
export const PLAN_CITIES: readonly (Region & { provinceCode: string })[] = [
  { code: '210200', name: '大连市', nameEn: 'Dalian', short: '辽宁', provinceCode: '210000' },
  { code: '370200', name: '青岛市', nameEn: 'Qingdao', short: '山东', provinceCode: '370000' },
  { code: '330200', name: '宁波市', nameEn: 'Ningbo', short: '浙江', provinceCode: '330000' },
  { code: '350200', name: '厦门市', nameEn: 'Xiamen', short: '福建', provinceCode: '350000' },
  { code: '440300', name: '深圳市', nameEn: 'Shenzhen', short: '广东', provinceCode: '440000' },
];

const BY_CODE = new Map<string, Region>([...PROVINCES, ...PLAN_CITIES].map((r) => [r.code, r]));

export const regionByCode = (code: string): Region | undefined => BY_CODE.get(code);
export const isProvinceCode = (code: string): boolean => PROVINCES.some((p) => p.code === code);
export const isPlanCityCode = (code: string): boolean => PLAN_CITIES.some((c) => c.code === code);

/** Every region the China map draws (34, as named in china-geojson), beside those that take part in programs. */
export const MAP_REGION_NAMES: readonly string[] = [
  ...new Set(PROVINCES.map((p) => p.short)),
  '香港',
  '澳门',
  '台湾',
];

/** The map's series: a value for each of the 34 regions (0 where nothing was counted); the Corps is drawn in 新疆. */
export function mapSeries(counts: ReadonlyArray<{ mapName: string; count: number }>): Array<{ name: string; value: number }> {
  const byName = new Map<string, number>();
  for (const c of counts) byName.set(c.mapName, (byName.get(c.mapName) ?? 0) + c.count);
  return MAP_REGION_NAMES.map((name) => ({ name, value: byName.get(name) ?? 0 }));
}
