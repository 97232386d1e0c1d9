/** A rate (decimal fraction) as percent text for the reports' explanations: 0.0765 → "7.65%". */
export function percentText(rate: number): string {
  // up to four decimals of a percent, without trailing zeros (as `--explain` prints rates)
  return `${String(Math.round(rate * 1e6) / 1e4)}%`;
}
