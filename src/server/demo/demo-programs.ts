// The two demo programs beside the built-in one, as program documents (the same format an admin imports): one
// under review, noticed and at work now, one completed a year ago with its winners published.
import type { ProgramDocumentInput } from '../../shared/schemas/program-document.js';
import type { PhaseKey } from '../../shared/schemas/system.js';
import { beijingTime, BUILT_IN_REVIEW_ROUNDS, BUILT_IN_SECTIONS } from '../modules/programs/builtin-program.js';

const DAY = 86_400_000;

type Indicator = NonNullable<ProgramDocumentInput['directions'][number]['subfields'][number]['indicators']>[number];
const number = (code: string, name: string, unit: string, better: 'higher' | 'lower', comparator: '>' | '>=' | '<' | '<=', value: number): Indicator => ({
  code,
  name,
  kind: 'number',
  unit,
  better,
  planTarget: { text: `${comparator.replace('>=', '≥').replace('<=', '≤')}${value}${unit}`, comparator, value },
});
const capability = (code: string, name: string): Indicator => ({ code, name, kind: 'boolean', planTarget: { text: '达到' } });
const level = (code: string, name: string): Indicator => ({ code, name, kind: 'text', planTarget: { text: '达到行业先进水平' } });

function catalogue(prefix: string) {
  return [
    {
      code: `${prefix}-01`,
      name: prefix === 'DM' ? '智能制造关键装备' : '智能机器人',
      group: '智能制造' as const,
      subfields: [
        {
          code: `${prefix}-01-01`,
          name: prefix === 'DM' ? '工业边缘智能控制器' : '工业协作机器人',
          indicators: [number(`${prefix}-01-01-I1`, '推理算力', 'TOPS', 'higher', '>=', 16), number(`${prefix}-01-01-I2`, '控制周期', 'ms', 'lower', '<=', 1), capability(`${prefix}-01-01-I3`, '通过功能安全认证')],
        },
        {
          code: `${prefix}-01-02`,
          name: prefix === 'DM' ? '机器视觉质检系统' : '视觉引导装配系统',
          indicators: [number(`${prefix}-01-02-I1`, '缺陷检出率', '%', 'higher', '>=', 99.5), number(`${prefix}-01-02-I2`, '误检率', '%', 'lower', '<', 0.5), level(`${prefix}-01-02-I3`, '行业应用成熟度')],
        },
      ],
    },
    {
      code: `${prefix}-02`,
      name: prefix === 'DM' ? '智能网联与语音交互' : '智能服务系统',
      group: '智能产品' as const,
      subfields: [
        {
          code: `${prefix}-02-01`,
          name: prefix === 'DM' ? '车路协同感知系统' : '自动驾驶物流车',
          indicators: [number(`${prefix}-02-01-I1`, '目标识别准确率', '%', 'higher', '>', 98), number(`${prefix}-02-01-I2`, '端到端时延', 'ms', 'lower', '<=', 100), capability(`${prefix}-02-01-I3`, '通过车规级认证')],
        },
        {
          code: `${prefix}-02-02`,
          name: prefix === 'DM' ? '工业语音交互终端' : '智能客服系统',
          indicators: [number(`${prefix}-02-02-I1`, '语音识别准确率', '%', 'higher', '>=', 97), number(`${prefix}-02-02-I2`, '唤醒响应时间', 's', 'lower', '<', 0.5)],
        },
      ],
    },
  ];
}

export type DemoPhases = Record<PhaseKey, [number, number]>;

/** Phases in days from now: the program under review (its notice open, at work since its first notice). */
export const REVIEW_PHASES: DemoPhases = {
  application: [-150, -120],
  recommendation: [-130, -110],
  review: [-105, -45],
  finalist_notice: [-44, -36],
  attack: [-35, 300],
  evaluation: [-20, 30],
  winner_notice: [40, 50],
};

/** The completed program, a year back. */
export const DONE_PHASES: DemoPhases = {
  application: [-480, -450],
  recommendation: [-460, -440],
  review: [-435, -405],
  finalist_notice: [-404, -396],
  attack: [-395, -90],
  evaluation: [-89, -60],
  winner_notice: [-59, -50],
};

export function demoProgram(kind: 'review' | 'done', now: Date): ProgramDocumentInput {
  const phases = kind === 'review' ? REVIEW_PHASES : DONE_PHASES;
  const at = (days: number, hour: number) => beijingTime(now, days, hour).toISOString();
  return {
    format: 'jiebang-program',
    version: 1,
    program: {
      code: kind === 'review' ? 'demo-2025' : 'demo-2024',
      title: kind === 'review' ? '2025年智能制造揭榜挂帅项目（演示）' : '2024年智能机器人揭榜挂帅项目（演示）',
      titleEn: kind === 'review' ? '2025 Smart Manufacturing Open Call (demo)' : '2024 Intelligent Robots Open Call (demo)',
      description:
        kind === 'review'
          ? '演示项目：申报和推荐已结束，网络初评完成，一个细分领域的入围名单正在公示，另一个已进入攻关和测评。'
          : '演示项目：已全部完成，揭榜优胜单位已公布。',
      quotas: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3 },
      sections: BUILT_IN_SECTIONS,
      reviewRounds: BUILT_IN_REVIEW_ROUNDS.map((r) => ({ ...r })),
      phases: (Object.keys(phases) as PhaseKey[]).map((key) => ({ key, opensAt: at(phases[key][0], 9), closesAt: at(phases[key][1], 17) })),
    },
    directions: catalogue(kind === 'review' ? 'DM' : 'DR'),
  };
}

/** A moment `days` from `now` (negative: in the past), `hours` into that day. */
export const daysFrom = (now: Date, days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * 3_600_000);
