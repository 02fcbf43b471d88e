// Worker thread entry of a big import: reads, maps and checks the rows (parsed-rows.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type ParseJob, parseInWorker } from './parsed-rows';

if (parentPort) void parseInWorker(parentPort, workerData as ParseJob);
