import { registeredFile } from '../csv/file-registry';
import { exportToFile } from './export-to';
import { inspectLayout } from '../csv/inspect-layout';
import { deleteMapping, inspectFile, listMappings, previewMapping, saveMapping } from './csv-service';
import { cancelImportJob, importJob, startImportJob } from './import-jobs';
import { decideTypes, forgetType, listTypeDecisions } from './type-decisions-service';
import type { HandlersFor } from '../handler-types';
import { saveTrackerProjects, trackerProjects } from '../csv/tracker-projects';

export const csvHandlers: HandlersFor<'csv'> = {
  'csv:inspect': async (ctx, { fileId }) => {
    const inspection = await inspectFile(ctx, fileId);
    const path = registeredFile(fileId, 'read').path;
    const { layout, problem, rows } = await inspectLayout(ctx.db, path);
    // A time tracker's file: its projects for the project mapping screen (docs/domain.md §6).
    const projects = layout?.platform === 'tracker' ? await trackerProjects(ctx.db, path) : undefined;
    return {
      ...inspection,
      format: layout?.id ?? null,
      formatLabel: layout?.label ?? null,
      layout,
      problem,
      readRows: rows,
      projects,
    };
  },
  'csv:save-projects': (ctx, { projects }) => saveTrackerProjects(ctx, projects),
  'csv:type-decisions': (ctx, { platform }) => listTypeDecisions(ctx, platform),
  'csv:decide-types': (ctx, { platform, decisions }) => decideTypes(ctx, platform, decisions),
  'csv:forget-type': (ctx, { platform, type }) => forgetType(ctx, platform, type),
  'csv:preview': (ctx, { fileId, mapping, rows }) => previewMapping(ctx, fileId, mapping, rows),
  'csv:start-import': (ctx, input) => startImportJob(ctx, input),
  'csv:job': (_ctx, { jobId }) => importJob(jobId),
  'csv:cancel': (_ctx, { jobId }) => cancelImportJob(jobId),
  'csv:mappings': (ctx) => listMappings(ctx),
  'csv:save-mapping': (ctx, input) => saveMapping(ctx, input),
  'csv:delete-mapping': (ctx, { id }) => deleteMapping(ctx, id),
  'csv:export-file': async (ctx, { fileId, kind, from, to, bom, json, basis, attribution }) => {
    const file = registeredFile(fileId, 'write');
    const rows = await exportToFile(
      ctx,
      kind,
      { from, to, bom: bom ?? false, json: json ?? false, basis, attribution },
      file.path,
    );
    return { rows, fileName: file.name };
  },
};
