/** The key of an instrument in the trading stores: "source:symbol" (as the core's positionKey). */
export function instrumentKey(source: string, symbol: string): string {
  return `${source}:${symbol}`;
}
