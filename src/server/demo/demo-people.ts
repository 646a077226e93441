// The people and organizations of the demo (all fictional): applicant organizations in 18 provinces with valid
// 统一社会信用代码, recommending units of the three kinds, experts, test labs and one account for every role.
import { usccCheckCharacter } from '../../shared/uscc.js';

/** The password of every demo account (demo mode only; never a default anywhere else). */
export const DEMO_PASSWORD = 'Jiebang-Demo-2026';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid code for the n-th demo organization, registered in the region (an enterprise "91" or an institution "12"). */
export function demoUscc(n: number, regionCode: string, kind: string): string {
  const body = Array.from({ length: 9 }, (_, i) => USCC_ALPHABET[(n * 7 + i * 13 + (n >> i)) % 31]).join('');
  const first17 = `${kind === 'enterprise' ? '91' : '12'}${regionCode.slice(0, 2)}0100${body}`;
  return first17 + usccCheckCharacter(first17);
}

export interface DemoOrganization {
  name: string;
  regionCode: string;
  kind: 'enterprise' | 'institute' | 'university' | 'other';
  /** The central enterprise group it belongs to (by the group's code), when it does. */
  group?: 'cetc' | 'casic';
  person: string;
}

/** Regions in the order organizations are spread over them (an array: integer-like object keys would be re-sorted). */
const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['110000', '北京'],
  ['310000', '上海'],
  ['440000', '深圳'],
  ['320000', '南京'],
  ['330000', '杭州'],
  ['510000', '成都'],
  ['420000', '武汉'],
  ['370000', '济南'],
  ['340000', '合肥'],
  ['610000', '西安'],
  ['120000', '天津'],
  ['500000', '重庆'],
  ['430000', '长沙'],
  ['350000', '福州'],
  ['210000', '沈阳'],
  ['410000', '郑州'],
  ['220000', '长春'],
  ['520000', '贵阳'],
];
const BRANDS = ['智芯', '云图', '深瞳', '灵犀', '星河', '锐视', '天工', '明思', '擎宇', '数智', '极光', '鸿途', '睿行', '卓影', '青禾', '北辰', '知行', '远算', '启元', '博识'];
const TRADES = ['微电子', '智能科技', '机器人', '视觉技术', '智能网联', '语音技术', '数据科技', '智能装备', '医疗科技', '传感技术'];
const PEOPLE = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '徐涛', '孙丽', '马超', '朱琳', '胡军', '郭婷', '何平', '高翔', '林慧', '罗斌'];

/** 60 organizations: mostly enterprises, some institutes and universities, two in central enterprise groups. */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = Array.from({ length: 60 }, (_, i) => {
  const [regionCode, city] = CITIES[i % CITIES.length]!;
  const kind = i % 10 === 7 ? 'institute' : i % 10 === 9 ? 'university' : 'enterprise';
  const brand = BRANDS[i % BRANDS.length]!;
  const name =
    kind === 'institute'
      ? `${city}${brand}人工智能研究院`
      : kind === 'university'
        ? `${city}${brand}理工学院`
        : `${city}${brand}${TRADES[(i * 3) % TRADES.length]}有限公司`;
  return { name, regionCode, kind, person: PEOPLE[i % PEOPLE.length]!, group: i === 12 ? 'cetc' : i === 25 ? 'casic' : undefined };
});

/** Recommending units added beside the 37 provincial ones that exist from the first start. */
export const DEMO_UNITS = [
  { key: 'cetc', name: '中国电子科技集团有限公司（演示）', kind: 'central_enterprise' as const, regionCode: '110000' },
  { key: 'casic', name: '中国航天科工集团有限公司（演示）', kind: 'central_enterprise' as const, regionCode: '110000' },
  { key: 'aiia', name: '中国人工智能产业发展联盟（演示）', kind: 'association' as const },
  { key: 'robot', name: '中国机器人产业联盟（演示）', kind: 'association' as const },
];

export interface DemoExpert {
  name: string;
  organization: string;
  regionCode: string;
  keywords: string[];
  /** Subfield codes (any demo program) the expert knows. */
  subfields: string[];
}

const EXPERT_NAMES = ['陈立新', '王建国', '李文博', '张慧敏', '刘志强', '杨晓东', '赵雪梅', '黄振华', '周国平', '吴晓燕', '徐明远', '孙建军', '马丽华', '朱永康', '胡海涛', '郭晓峰', '何建明', '高文静', '林志远', '罗晓红'];
const EXPERT_ORGS = ['东海大学', '北方工业大学人工智能学院（演示）', '国家信息技术研究院（演示）', '华中理工学院（演示）', '西部计算技术研究所（演示）'];
const EXPERT_TOPICS: Array<{ keywords: string[]; subfields: string[] }> = [
  { keywords: ['神经网络芯片', '边缘计算', '能效比'], subfields: ['D01-01', 'DM-01-01', 'DR-01-01'] },
  { keywords: ['智能网联汽车', '自动驾驶', '车规级'], subfields: ['D01-01', 'DM-02-01', 'DR-02-01'] },
  { keywords: ['机器视觉', '工业质检', '缺陷检测'], subfields: ['D02-01', 'DM-01-02', 'DR-01-02'] },
  { keywords: ['智能语音', '语音识别', '自然语言'], subfields: ['D03-01', 'DM-02-02', 'DR-02-02'] },
];

/** 20 experts in five organizations, four fields of expertise. */
export const DEMO_EXPERTS: DemoExpert[] = EXPERT_NAMES.map((name, i) => ({
  name,
  organization: EXPERT_ORGS[i % EXPERT_ORGS.length]!,
  regionCode: ['110000', '310000', '420000', '610000', '320000'][i % 5]!,
  ...EXPERT_TOPICS[i % EXPERT_TOPICS.length]!,
}));

export const DEMO_LABS = [
  { name: '国家人工智能产品质量检验检测中心（演示）', email: 'lab@demo.jiebang.cn' },
  { name: '智能网联汽车测评中心（演示）', email: 'lab2@demo.jiebang.cn' },
];

/** One account per role, printed at start and shown on the sign-in page in demo mode. */
export const DEMO_ACCOUNTS = [
  { role: 'system_admin', email: 'admin@demo.jiebang.cn', name: '系统管理员（演示）' },
  { role: 'program_admin', email: 'ministry@demo.jiebang.cn', name: '主管部门管理员（演示）' },
  { role: 'security_admin', email: 'security@demo.jiebang.cn', name: '安全管理员（演示）' },
  { role: 'audit_admin', email: 'audit@demo.jiebang.cn', name: '审计管理员（演示）' },
  { role: 'org_admin', email: 'applicant@demo.jiebang.cn', name: DEMO_ORGANIZATIONS[2]!.person },
  { role: 'recommender', email: 'guangdong@demo.jiebang.cn', name: '广东省工业和信息化厅（演示）' },
  { role: 'expert', email: 'expert@demo.jiebang.cn', name: EXPERT_NAMES[0]! },
  { role: 'lab', email: 'lab@demo.jiebang.cn', name: DEMO_LABS[0]!.name },
] as const;

export const orgEmail = (i: number) => (i === 2 ? 'applicant@demo.jiebang.cn' : `org${String(i + 1).padStart(2, '0')}@demo.jiebang.cn`);
export const expertEmail = (i: number) => (i === 0 ? 'expert@demo.jiebang.cn' : `expert${String(i + 1).padStart(2, '0')}@demo.jiebang.cn`);
