import { describe, expect, it } from 'vitest';
import { cyclePath, cycles, folderGraph, importGraph, sourceFiles } from './import-graph';

// Imports in src/ form no cycle, between files or between folders (docs/architecture.md, "One rule per arrow"):
// a reader can start at any folder and read downwards. Type-only imports count: a cycle of types is still one to read.
const root = process.cwd();
const files = sourceFiles(root, 'src');
const graph = importGraph(root, files);
// Tests sit beside what they test and may drive it through dispatch: they make no folder edge.
const productionGraph = importGraph(
  root,
  files.filter((f) => !/\.test\.tsx?$|\.test-helper\.ts$/.test(f)),
);

describe('renderer features', () => {
  it("open another feature's page only through the router, and never import the shell", () => {
    const feature = (f: string) => f.match(/^src\/renderer\/features\/([^/]+)\//)?.[1];
    const wrong = [...graph].flatMap(([from, tos]) =>
      [...tos]
        .filter((to) => {
          if (!/^src\/renderer\/(features|components|lib)\//.test(from)) return false;
          if (to.startsWith('src/renderer/app/')) return true;
          return feature(to) !== undefined && feature(to) !== feature(from) && /Page\.tsx$/.test(to);
        })
        .map((to) => `${from} → ${to}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('import cycles in src/', () => {
  it('none between files', () => {
    expect(cycles(graph).map((scc) => cyclePath(graph, scc))).toEqual([]);
  });

  it('none between folders', () => {
    const folders = folderGraph(productionGraph);
    expect(cycles(folders).map((scc) => `${scc.join(', ')}: ${cyclePath(folders, scc)}`)).toEqual([]);
  });
});
