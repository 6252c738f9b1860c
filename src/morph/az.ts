// az is CommonJS. Imported as an ES module, Node first scans its 230 KB source for the names it
// exports (~25–30 ms of start-up); required, it takes ~9 ms.
import { createRequire } from 'node:module';
import type AzModule from 'az';

export const Az = createRequire(import.meta.url)('az') as typeof AzModule;
