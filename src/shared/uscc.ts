// 统一社会信用代码 (unified social credit code) checks per GB 32100-2015, with the reason for the first failure.
import { isProvinceCode } from './regions.js';

/** The 31 characters of the code, in value order (no I, O, S, V, Z). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of position i (1-based) is 3^(i-1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration authority (登记管理部门) → its organization types (机构类别), from the standard and its amendments. */
export const USCC_AUTHORITIES: Record<string, { name: string; types: Record<string, string> }> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { name: '司法行政', types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '市场监管（工商）', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

export type UsccProblem = 'length' | 'charset' | 'authority' | 'orgType' | 'region' | 'checkDigit';

export const USCC_MESSAGES: Record<UsccProblem, { zh: string; en: string }> = {
  length: { zh: '统一社会信用代码应为 18 位', en: 'The unified social credit code has 18 characters' },
  charset: {
    zh: '统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）',
    en: 'The unified social credit code uses digits and capital letters except I, O, S, V and Z',
  },
  authority: { zh: '统一社会信用代码第 1 位（登记管理部门代码）无效', en: 'Character 1 (registration authority) is not a valid code' },
  orgType: { zh: '统一社会信用代码第 2 位（机构类别代码）无效', en: 'Character 2 (organization type) is not valid for this authority' },
  region: { zh: '统一社会信用代码第 3–8 位（登记管理机关行政区划码）无效', en: 'Characters 3–8 (administrative division) are not a valid region code' },
  checkDigit: { zh: '统一社会信用代码校验位错误', en: 'The check character of the unified social credit code is wrong' },
};

/** The check character (18th) that the first 17 characters call for. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The first problem with a code, or null when it is valid. Input is taken as typed (trim and upper-case first). */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'charset';
  const authority = USCC_AUTHORITIES[code[0]!];
  if (!authority) return 'authority';
  if (!authority.types[code[1]!]) return 'orgType';
  const region = code.slice(2, 8);
  // The division code must at least belong to a province-level region of GB/T 2260 (or be the whole country).
  if (!/^\d{6}$/.test(region) || !(region === '100000' || isProvinceCode(`${region.slice(0, 2)}0000`))) return 'region';
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return 'checkDigit';
  return null;
}

export const normalizeUscc = (input: string): string => input.trim().toUpperCase();
