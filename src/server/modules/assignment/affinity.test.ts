// Affinity: Chinese text is tokenized with the domain's words kept whole; the subfield and shared terms decide the
// score, and the shared terms are given as the reason.
import { describe, expect, it } from 'vitest';
import { AffinityModel, terms } from './affinity.js';

describe('affinity', () => {
  it('keeps domain words whole and drops filler', () => {
    const t = terms('面向智能网联汽车的车规级神经网络芯片研发');
    expect(t).toEqual(expect.arrayContaining(['智能网联汽车', '车规级', '神经网络芯片']));
    expect(t).not.toContain('研发');
  });

  it('ranks the application that shares the expert’s subfield and terms first, with those terms as the reason', () => {
    const model = new AffinityModel([
      { subfieldId: 'chips', text: '车规级神经网络芯片：面向自动驾驶的高能效比推理芯片，算力 200 TOPS' },
      { subfieldId: 'speech', text: '远场语音识别与多轮对话，支持方言的智能语音交互' },
      { subfieldId: 'chips', text: '端侧语音识别芯片' },
    ]);
    const chipsExpert = model.expertAffinities({ subfieldIds: ['chips'], keywords: ['自动驾驶', '能效比'], subfieldNames: ['神经网络芯片'] });
    expect(chipsExpert[0]!.score).toBeGreaterThan(chipsExpert[2]!.score);
    expect(chipsExpert[2]!.score).toBeGreaterThan(chipsExpert[1]!.score);
    expect(chipsExpert[0]).toMatchObject({ subfieldMatch: true, score: 1000 });
    expect(chipsExpert[0]!.sharedTerms).toEqual(expect.arrayContaining(['自动驾驶', '能效比', '神经网络芯片']));
    expect(chipsExpert[1]).toEqual({ score: 0, subfieldMatch: false, sharedTerms: [] });
    const speechExpert = model.expertAffinities({ subfieldIds: ['speech'], keywords: ['语音识别'], subfieldNames: [] });
    expect(speechExpert[1]!.score).toBeGreaterThan(speechExpert[2]!.score);
    expect(speechExpert[2]!.sharedTerms).toEqual(['语音识别']);
  });
});
