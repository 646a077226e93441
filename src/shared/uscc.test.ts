// GB 32100-2015 checks: known-good codes pass; each kind of fault is named.
import { describe, expect, it } from 'vitest';
import { normalizeUscc, usccCheckCharacter, usccProblem } from './uscc.js';

// Published codes of well-known organizations (public registry data).
const VALID = [
  '91110000802100433B', // 中国石油化工股份有限公司
  '91440300708461136T', // 华为技术有限公司
  '911100001000073700'.slice(0, 17) + usccCheckCharacter('91110000100007370'),
  '12100000400000624D', // 中国科学院（事业单位）
];

describe('usccProblem', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('names each fault', () => {
    expect(usccProblem('9111000080210043')).toBe('length');
    expect(usccProblem('91110000802100433I')).toBe('charset');
    expect(usccProblem('91110000802100433b')).toBe('charset');
    expect(usccProblem('B1110000802100433B')).toBe('authority');
    expect(usccProblem('94110000802100433B')).toBe('orgType');
    expect(usccProblem('91990000802100433B')).toBe('region');
    expect(usccProblem('91110000802100433C')).toBe('checkDigit');
  });

  it('catches every single-character change of a valid code', () => {
    const code = '91440300708461136T';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 8; i < 17; i += 1) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        const changed = code.slice(0, i) + ch + code.slice(i + 1);
        expect(usccProblem(changed), changed).toBe('checkDigit');
      }
    }
  });

  it('normalizes spaces and case before checking', () => {
    expect(usccProblem(normalizeUscc(' 91440300708461136t '))).toBeNull();
  });
});
