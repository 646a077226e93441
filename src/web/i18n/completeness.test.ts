// Both languages are complete: every Chinese text has an English one (also checked by the types), none is empty, and
// no English text is left in Chinese but for the few that name the platform or the language itself.
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zh } from './zh.js';

const HAN = /\p{Script=Han}/u;
/** Keys whose English text rightly holds Chinese: the platform's own name beside its English one, the language switch. */
const CHINESE_ON_PURPOSE = new Set(['app.footer', 'lang.zh']);

describe('translations', () => {
  it('have the same keys in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('leave no English text in Chinese', () => {
    const untranslated = Object.entries(en).filter(([key, text]) => HAN.test(text) && !CHINESE_ON_PURPOSE.has(key));
    expect(untranslated).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
  });
});
