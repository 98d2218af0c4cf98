export * from './audit.js';
export * from './errors.js';
export * from './health.js';
export * from './locale.js';
export * from './staff.js';
