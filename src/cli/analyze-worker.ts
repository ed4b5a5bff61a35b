/**
 * A worker thread of `--jobs`: analyzes the inputs the main thread sends, one at a time, with
 * the same code as the main thread, and sends each result back with its index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeSource, workerAnalyzeOptions, type WorkerOptions } from './analyze-inputs.js';

const options = workerAnalyzeOptions(workerData as WorkerOptions);
parentPort?.on('message', (message: { index: number; source: string }) => {
  void analyzeSource(message.source, options).then((result) => parentPort?.postMessage({ index: message.index, result }));
});
