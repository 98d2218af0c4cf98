import { parseConfig } from '../config/config.schema.js';

describe('STATS_K', () => {
  it('defaults to 5, accepts 3 and more, and refuses anything below 3', () => {
    expect(parseConfig({}).STATS_K).toBe(5);
    expect(parseConfig({ STATS_K: '3' }).STATS_K).toBe(3);
    expect(parseConfig({ STATS_K: '10' }).STATS_K).toBe(10);
    for (const bad of ['2', '0', '-5', '4.5', 'cinq']) expect(() => parseConfig({ STATS_K: bad })).toThrow(/STATS_K/);
  });
});
