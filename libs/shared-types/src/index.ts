export * from './org';
export * from './member';
export * from './rating';
export * from './access';
export * from './errors';
export * from './recognition';
