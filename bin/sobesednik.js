#!/usr/bin/env node
// V8's heap flags first: they are part of what a code cache is checked against (see cli/bundled.ts).
import { tuneHeap } from '../dist/src/cli/heap.js';
import { bundledMain } from '../dist/src/cli/bundled.js';

tuneHeap();
const main = bundledMain() ?? (await import('../dist/src/cli/main.js')).main;
main(process.argv).then((code) => { process.exitCode = code; });
