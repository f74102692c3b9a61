/**
 * @dangbo/vn — pure helpers for Vietnamese text, names, collation, numbers,
 * dates and document numbers. No I/O, so both the API and the admin UI use it.
 */
export * from './text';
export * from './collation';
export * from './name';
export * from './number';
export * from './date';
export * from './document-number';
