// The package's own files, found from this module's folder: dist/src/ when built (src/ under vitest).
// The CLI also runs as one bundled script in that same folder (see cli/bundled.ts), where every
// bundled module's import.meta.url is the bundle's: a path relative to a module in a subfolder would
// then be wrong, so such paths start from here.
import { fileURLToPath } from 'node:url';

const HERE = new URL('./', import.meta.url);

/** A compiled module or other file under dist/src/, by its path from there («cli/worker.js»). */
export const sourceUrl = (path: string): URL => new URL(path, HERE);
export const sourcePath = (path: string): string => fileURLToPath(sourceUrl(path));
