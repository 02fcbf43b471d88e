import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/commands';
import { ownHeaders } from '../src/core/csv/own-formats';

// The README and docs/ are the newcomer's map: every link, command, header and section they name must exist.
const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const docs = fs
  .readdirSync(path.join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);
const pages = ['README.md', ...docs];

/** Relative targets of Markdown links and images, without their #anchor. */
function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith('#'))
    .map((t) => t.split('#')[0]!);
}

/** Files below the root whose text holds a pattern (tests and docs left out). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!['node_modules', '__fixtures__', 'fixtures'].includes(entry.name)) out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx|mjs|cjs|js|css)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

describe('README and docs/', () => {
  it('link only to files that exist', () => {
    const missing = pages.flatMap((page) =>
      linkTargets(read(page))
        .filter((t) => !fs.existsSync(path.join(root, path.dirname(page), t)))
        .map((t) => `${page} -> ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('keep the README short enough to read before starting (about 15 KB)', () => {
    expect(Buffer.byteLength(read('README.md'))).toBeLessThanOrEqual(16 * 1024);
  });

  it('name only npm scripts that package.json has', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts as Record<string, string>);
    const named = pages.flatMap((page) =>
      [...read(page).matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => `${page}: ${m[1]}`),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => !scripts.includes(n.split(': ')[1]!))).toEqual([]);
  });

  it('give our CSV headers exactly as the importer and exporter have them', () => {
    for (const page of ['README.md', 'docs/csv-formats.md']) {
      const text = read(page);
      for (const [format, headers] of Object.entries(ownHeaders)) {
        expect(text, `${page}: ${format}.csv`).toContain(`| ${format}.csv | \`${headers.join(',')}\` |`);
      }
    }
  });

  it('list every CLI command in the README synopsis, and no other', () => {
    const synopsis = /```\nleadledger \[--db FILE\] <command> \[options\]\n([\s\S]*?)```/.exec(read('README.md'))?.[1];
    expect(synopsis).toBeDefined();
    const listed = new Set([...synopsis!.matchAll(/^ {2}(?:\| {2})?([a-z]+)\b/gm)].map((m) => m[1]!));
    for (const m of synopsis!.matchAll(/\| {2}([a-z]+)\b/g)) listed.add(m[1]!);
    expect([...listed].sort()).toEqual(commands.map((c) => c.name).sort());
  });
});

describe('docs/domain.md', () => {
  const domain = read('docs/domain.md');
  const sections = new Set([...domain.matchAll(/^## (\d+)\./gm)].map((m) => m[1]!));
  const rules = new Set([...domain.matchAll(/^§(\d+\.\d+) /gm)].map((m) => m[1]!));

  it('keeps the numbering of the rule book: §1 to §8', () => {
    expect([...sections].filter((s) => s !== '0')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('is one of the docs code cites, all of which exist', () => {
    const cited = ['src', 'electron', 'scripts', 'e2e'].flatMap(sourceFiles).flatMap((file) =>
      [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/docs\/([\w-]+\.md)/g)].map((m) => ({
        file,
        doc: m[1]!,
      })),
    );
    expect(cited.map((c) => c.doc)).toContain('domain.md');
    expect(
      cited.filter((c) => !fs.existsSync(path.join(root, 'docs', c.doc))).map((c) => `${c.file}: docs/${c.doc}`),
    ).toEqual([]);
  });

  it('has every section and rule that code cites', () => {
    const cited = ['src', 'electron', 'scripts', 'e2e']
      .flatMap(sourceFiles)
      .flatMap((file) =>
        [
          ...fs
            .readFileSync(path.join(root, file), 'utf8')
            .matchAll(/(?:docs\/domain\.md|DOMAIN(?:\.md)?) ?§ ?(\d+)(?:\.(\d+))?/g),
        ].map((m) => ({ file, section: m[1]!, rule: m[2] })),
      );
    expect(cited.length).toBeGreaterThan(0);
    const unknown = cited.filter(
      (c) => !sections.has(c.section) || (c.rule !== undefined && !rules.has(`${c.section}.${c.rule}`)),
    );
    expect(unknown.map((c) => `${c.file}: §${c.section}${c.rule ? `.${c.rule}` : ''}`)).toEqual([]);
  });
});
