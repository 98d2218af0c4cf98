export * from './audit.js';
export * from './errors.js';
export * from './follow-up.js';
export * from './health.js';
export * from './locale.js';
export * from './protection-request.js';
export * from './reference.js';
export * from './staff.js';
