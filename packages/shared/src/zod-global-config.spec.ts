/*
 * The web app sets zod's `jitless` without importing zod
 * (apps/web/src/zod-config.ts: zod stays out of the public entry): it puts
 * the configuration on globalThis before zod loads. If a zod upgrade stops
 * adopting that object, zod would try `new Function` again under our CSP.
 */
describe('zod configured before it loads', () => {
  it('adopts the configuration found on globalThis', async () => {
    const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
    const before = scope.__zod_globalConfig;
    scope.__zod_globalConfig = { ...before, jitless: true };
    const core = await import('zod/v4/core');
    expect(core.globalConfig.jitless).toBe(true);
    expect(core.config()).toBe(scope.__zod_globalConfig);
  });
});
