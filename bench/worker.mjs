// One worker thread of the 2-thread measurement: its own extractor, its share of the articles.
// Protocol: → {type:'ready', startupMs} after import + createExtractor + warm-up;
//           ← 'go';  → {type:'done', ms, ...pass}.
import { parentPort, workerData } from 'node:worker_threads';
import { timedPass } from './lib.mjs';

const t0 = performance.now();
const { createExtractor } = await import(workerData.distUrl);
const extractor = createExtractor();
timedPass(extractor, workerData.warm, { progress: false });
parentPort.postMessage({ type: 'ready', startupMs: performance.now() - t0 });

parentPort.once('message', (m) => {
  if (m !== 'go') return;
  const r = timedPass(extractor, workerData.articles, { label: `worker ${workerData.index}` });
  delete r.chunks;
  parentPort.postMessage({ type: 'done', ...r });
});
