// Imported first by hostile-full.load.ts: the hostile suite reads this when it loads.
process.env.HOSTILE_FULL = '1';
export {};
