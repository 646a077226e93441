// A start-up failure the operator can fix: printed as one sentence (Chinese, then English), never a stack trace.

export class LaunchError extends Error {
  readonly zh: string;
  readonly en: string;

  constructor(zh: string, en: string, options?: { cause?: unknown }) {
    super(en, options);
    this.name = 'LaunchError';
    this.zh = zh;
    this.en = en;
  }

  /** The single line printed on stderr. */
  toLine(): string {
    return `启动失败：${this.zh}（${this.en}）`;
  }
}
