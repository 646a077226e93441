// How well an expert fits an application: the subfield (the expert declared it) plus the similarity of the expert's
// keywords and subfields to the application's title and text (Chinese tokenized with jieba, ranked with BM25 over the
// round's applications). Each pairing keeps the shared terms, which are its stated reason.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Words of this domain that jieba's general dictionary would split. */
const DOMAIN_WORDS = [
  '智能网联汽车',
  '车规级',
  '自动驾驶',
  '智能传感器',
  '神经网络芯片',
  '人工智能',
  '深度学习',
  '机器学习',
  '计算机视觉',
  '语音识别',
  '自然语言处理',
  '知识图谱',
  '智能制造',
  '工业互联网',
  '服务机器人',
  '医疗影像',
  '视频图像',
  '智能翻译',
  '开源框架',
  '算力',
  '能效比',
];
const STOPWORDS = new Set(['技术', '研究', '开发', '研发', '实现', '进行', '基于', '提高', '提升', '相关', '以及', '能力', '系统', '应用', '方面', '具有', '项目', '单位', '我们']);

let instance: Jieba | null = null;
function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n')));
  }
  return instance;
}

/** Terms of a text: jieba's search-mode words of two or more characters, lower-cased, without common filler. */
export function terms(text: string): string[] {
  if (!text.trim()) return [];
  return jieba()
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => [...w].length >= 2 && !STOPWORDS.has(w) && /[\p{L}\p{N}]/u.test(w));
}

export interface AffinityDocument {
  subfieldId: string;
  /** Title and text of the application. */
  text: string;
}

export interface AffinityExpert {
  subfieldIds: string[];
  keywords: string[];
  /** Names of the expert's subfields, which count as its keywords too. */
  subfieldNames: string[];
}

export interface Affinity {
  /** 0–1000: 500 for the subfield, up to 500 for the text. */
  score: number;
  subfieldMatch: boolean;
  sharedTerms: string[];
}

const K1 = 1.2;
const B = 0.75;

/** BM25 over one round's applications. */
export class AffinityModel {
  private readonly tf: Array<Map<string, number>>;
  private readonly lengths: number[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(private readonly docs: AffinityDocument[]) {
    this.tf = docs.map((d) => {
      const counts = new Map<string, number>();
      for (const t of terms(d.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
      return counts;
    });
    this.lengths = this.tf.map((m) => [...m.values()].reduce((s, n) => s + n, 0));
    for (const m of this.tf) for (const t of m.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.avgLength = this.lengths.reduce((s, n) => s + n, 0) / Math.max(1, docs.length) || 1;
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The query terms of an expert (keywords and subfield names), each once. */
  static queryOf(expert: AffinityExpert): string[] {
    return [...new Set([...expert.keywords, ...expert.subfieldNames].flatMap((k) => [k.trim().toLowerCase(), ...terms(k)]).filter((t) => [...t].length >= 2))];
  }

  /** The raw BM25 score of a query against a document, with the terms that contributed, largest first. */
  bm25(query: string[], doc: number): { score: number; terms: string[] } {
    const tf = this.tf[doc]!;
    const length = this.lengths[doc]!;
    const parts: Array<[string, number]> = [];
    for (const term of query) {
      const f = tf.get(term);
      if (!f) continue;
      parts.push([term, (this.idf(term) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * length) / this.avgLength))]);
    }
    parts.sort((a, b) => b[1] - a[1]);
    // As a reason, 自动驾驶 says it all: leave out the shorter terms inside a longer shared one.
    const shared = parts.map(([t]) => t);
    return { score: parts.reduce((s, [, v]) => s + v, 0), terms: shared.filter((t) => !shared.some((o) => o !== t && o.includes(t))) };
  }

  /** Affinities of one expert to every document: the text part scaled by the best match this expert has. */
  expertAffinities(expert: AffinityExpert): Affinity[] {
    const query = AffinityModel.queryOf(expert);
    const raw = this.docs.map((_, i) => this.bm25(query, i));
    const best = Math.max(0, ...raw.map((r) => r.score));
    return this.docs.map((d, i) => {
      const subfieldMatch = expert.subfieldIds.includes(d.subfieldId);
      const text = best > 0 ? Math.round((raw[i]!.score / best) * 500) : 0;
      return { score: (subfieldMatch ? 500 : 0) + text, subfieldMatch, sharedTerms: raw[i]!.terms.slice(0, 5) };
    });
  }
}
