// The script of one `--jobs` worker thread: builds one extractor from the built library
// (dist/src/index.js), then answers one document per message with the text to print.
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor, DictionaryError, type Extractor } from '../index.js';
import { processDocument, type Task, type WorkerConfig, type WorkerMessage } from './workers.js';

const port = parentPort!;
const config = workerData as WorkerConfig;
let extractor: Extractor | null = null;
try {
  extractor = createExtractor({ dictionaries: config.dictionaries, validate: config.validate });
} catch (e) {
  port.postMessage({ type: 'init-error', dictionary: e instanceof DictionaryError, message: (e as Error).message, stack: (e as Error).stack } satisfies WorkerMessage);
}
if (extractor) {
  const ex = extractor;
  port.on('message', (task: Task) => port.postMessage({ type: 'outcome', outcome: processDocument(ex, config, task) } satisfies WorkerMessage));
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
