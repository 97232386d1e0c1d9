import { describe, expect, it } from 'vitest';
import { qnecCap, qnecFloorBps, representativeRateBps } from './targeted-qnec.js';

describe('the targeted QNEC limit (Treas. Reg. 1.401(k)-2(a)(6)(iv), 1.401(m)-2(a)(6)(v))', () => {
  it('the representative rate is the lowest rate within the half of the NHCEs with the highest', () => {
    // Reg. 1.401(m)-2(a)(7) Example 6: C 7.06, D 6.79, E 12.50, F 13.00 → 12.50 (E and F)
    expect(representativeRateBps(Float64Array.from([706, 679, 1250, 1300]))).toBe(1250);
    // Reg. 1.401(k)-2(a)(7) Example 7: five NHCEs, only R has a QNEC (10%) → half is three → 0
    expect(representativeRateBps(Float64Array.from([0, 0, 0, 1000, 0]))).toBe(0);
    expect(representativeRateBps(Float64Array.from([500]))).toBe(500);
    expect(representativeRateBps(new Float64Array(0))).toBe(0);
  });

  it('the floor is 5% of pay, 10% for prevailing wage QNECs; a cap is rounded down to the cent', () => {
    expect(qnecFloorBps(false)).toBe(500);
    expect(qnecFloorBps(true)).toBe(1000);
    // Example 7: 5% of R's $5,000 is $250
    expect(qnecCap(500_000, 500)).toBe(25_000);
    expect(qnecCap(333_333, 500)).toBe(16_666);
  });
});
