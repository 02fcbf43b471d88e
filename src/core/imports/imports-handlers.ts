import { listImports, undoImport } from './undo-import';
import type { HandlersFor } from '../handler-types';

// docs/domain.md §7: the Imports history and Undo of an import.
export const importsHandlers: HandlersFor<'imports'> = {
  'imports:list': (ctx, { limit }) => listImports(ctx, limit),
  'imports:undo': (ctx, { id }) => undoImport(ctx, id),
};
