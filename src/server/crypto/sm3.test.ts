// Our incremental SM3 agrees with the standard's example and with sm-crypto on every padding boundary.
import { randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { Sm3, sm3Hex } from './sm3.js';

describe('SM3', () => {
  it('gives the example hash of GB/T 32905 for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('agrees with sm-crypto for lengths around the block and padding boundaries, fed in pieces', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4097]) {
      const data = randomBytes(n);
      const pieces = new Sm3();
      for (let i = 0; i < n; i += 7) pieces.update(data.subarray(i, i + 7));
      expect(pieces.digest(), `length ${n}`).toBe(smCrypto.sm3(data));
    }
  });
});
