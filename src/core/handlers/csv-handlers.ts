import { registeredFile } from '../csv/file-registry';
import { exportToFile } from '../services/export-to';
import { deleteMapping, inspectFile, listMappings, previewMapping, saveMapping } from '../services/csv-service';
import { cancelImportJob, importJob, startImportJob } from '../services/import-jobs';
import type { HandlersFor } from './types';

export const csvHandlers: HandlersFor<'csv'> = {
  'csv:inspect': (ctx, { fileId }) => inspectFile(ctx, fileId),
  'csv:preview': (ctx, { fileId, mapping, rows }) => previewMapping(ctx, fileId, mapping, rows),
  'csv:start-import': (ctx, input) => startImportJob(ctx, input),
  'csv:job': (_ctx, { jobId }) => importJob(jobId),
  'csv:cancel': (_ctx, { jobId }) => cancelImportJob(jobId),
  'csv:mappings': (ctx) => listMappings(ctx),
  'csv:save-mapping': (ctx, input) => saveMapping(ctx, input),
  'csv:delete-mapping': (ctx, { id }) => deleteMapping(ctx, id),
  'csv:export-file': async (ctx, { fileId, kind, from, to, bom, basis }) => {
    const file = registeredFile(fileId, 'write');
    const rows = await exportToFile(ctx, kind, { from, to, bom: bom ?? false, basis }, file.path);
    return { rows, fileName: file.name };
  },
};
