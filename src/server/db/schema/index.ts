// Every table, for drizzle-kit and for typed queries.
export * from './accounts.js';
export * from './audit.js';
export * from './catalogue.js';
export * from './programs.js';
export * from './system.js';
export * from './applications.js';
export * from './jobs.js';
export * from './selection.js';
export * from './evaluation.js';
