import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Every .ts/.tsx file under `dir` (tests included), as paths relative to `root`. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

const extensions = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The file a relative specifier names, or null (a package, an asset, a file outside the walk). */
export function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(root, dirname(from), specifier.replace(/\.(m?js)$/, ''));
  for (const ext of extensions) {
    const path = base + ext;
    if (/\.tsx?$/.test(path) && existsSync(path) && statSync(path).isFile()) return relative(root, path);
  }
  return null;
}

/** Relative imports, exports, `import()` and `vi.mock()` of one file (type-only ones too: a cycle of types is still a cycle to read). */
export function specifiers(text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const found = importedFiles.map((f) => f.fileName);
  for (const m of text.matchAll(/vi\.(?:mock|doMock|importActual)\(\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

export type Graph = Map<string, Set<string>>;

/** File → files it imports, over the given files. */
export function importGraph(root: string, files: string[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    const edges = new Set<string>();
    for (const spec of specifiers(readFileSync(join(root, file), 'utf8'))) {
      const target = resolveSpecifier(root, file, spec);
      if (target && target !== file) edges.add(target);
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan), each sorted; a cycle lists them all. */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return found;
}

/**
 * The same graph between folders. An import of a file in an enclosing folder (`src/core/leads` → `src/core/context.ts`,
 * `schemas/` → `api/fields.ts`) is no folder edge: a folder's own files are what its subfolders share, and a cycle
 * through them is a file cycle, which `cycles` of the file graph finds.
 */
export function folderGraph(graph: Graph): Graph {
  const folders: Graph = new Map();
  for (const [from, tos] of graph) {
    const a = dirname(from);
    if (!folders.has(a)) folders.set(a, new Set());
    for (const to of tos) {
      const b = dirname(to);
      if (a !== b && !a.startsWith(`${b}/`)) folders.get(a)!.add(b);
    }
  }
  return folders;
}

/** One example path around a cycle, for the message: a → b → … → a. */
export function cyclePath(graph: Graph, scc: string[]): string {
  const inScc = new Set(scc);
  const start = scc[0]!;
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inScc.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x: string | undefined = v; x && x !== start; x = prev.get(x)) path.splice(1, 0, x);
        return [...path, start].join(' → ');
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return scc.join(', ');
}
