/**
 * @dangbo/reports — Word and Excel files from plain data, Node only (the API's reports, exports and imports).
 * Nothing here knows the database: callers pass texts and rows.
 */
export * from './party-document';
export * from './xlsx-write';
export * from './xlsx-read';
export { zipEntries, entryStream } from './zip';
export type { ZipEntry } from './zip';
export { docxText, docxXml } from './testing';
