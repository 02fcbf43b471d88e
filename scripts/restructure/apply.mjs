#!/usr/bin/env node
// One-off restructure of issue 25 (point 2): one folder per business area in src/core, shared renderer helpers out
// of the features, toApiError in one errors module, no file or folder cycles. Run once from the repository root on
// the final tree (committed or not):   node scripts/restructure/apply.mjs
// It checks the mapping table against the tree first and stops, changing nothing, when a src/core file is not
// covered or an entry names a missing file. Then: git mv → every relative specifier rewritten → handler files split
// by operation area → declarations moved (errors module, shared types), after the patches beside this file (eslint, docs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const here = path.dirname(new URL(import.meta.url).pathname);
const dryRun = process.argv.includes('--check');
const fail = (message) => {
  console.error(`restructure: ${message}`);
  process.exit(1);
};
if (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).name !== 'leadledger') fail('run me from the LeadLedger repository root');

// ── The table ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Which folder of src/core handles each operation area (`area:verb` of src/shared/api/schemas). The same table is in
// scripts/architecture/areas.test.ts, which fails when an operation is handled outside its folder.
export const areaFolder = {
  activity: 'activity', agenda: 'activity', closeout: 'activity', reasons: 'activity',
  app: 'app', sample: 'app', db: 'app',
  backups: 'backups',
  clients: 'clients',
  connects: 'connects',
  costs: 'costs',
  csv: 'imports', imports: 'imports',
  expenses: 'expenses',
  leads: 'leads',
  payments: 'payments', money: 'payments',
  preferences: 'settings', settings: 'settings',
  rates: 'rates',
  reports: 'reports',
  sources: 'sources',
  subscriptions: 'subscriptions',
  time: 'time', timer: 'time',
  undo: 'undo',
  visibility: 'visibility',
};

// Files of the old layer folders (handlers/, services/, repos/) by the area folder they move into; the path below
// the layer folder is kept (services/__fixtures__/x.csv → clients/__fixtures__/x.csv).
const byArea = {
  activity: [
    'handlers/activity-handlers.ts', 'handlers/daily-loop.test.ts', 'repos/activity-repo.ts',
    'services/activity-service.ts', 'services/agenda-service.ts', 'services/closeout-service.ts',
  ],
  app: ['handlers/app-handlers.ts', 'handlers/db-handlers.ts', 'handlers/first-day.test.ts', 'repos/first-day-repo.ts', 'repos/health-repo.ts', 'services/sample-data.ts'],
  backups: ['handlers/backups-handlers.ts'],
  clients: ['handlers/clients-handlers.ts', 'repos/clients-repo.ts', 'services/clients-service.ts', 'services/clients.test.ts', 'services/__fixtures__/paypal-clients-1.csv', 'services/__fixtures__/paypal-clients-2.csv'],
  connects: [
    'handlers/connects-handlers.ts', 'repos/ledger-repo.ts', 'services/ledger-service.ts', 'services/purchase-lots.ts',
    'services/ledger-memo.test.ts', 'services/ledger-purchases.test.ts', 'services/ledger-shortfall.test.ts', 'services/ledger.test.ts',
  ],
  costs: ['handlers/costs-handlers.ts', 'repos/cost-rules-repo.ts', 'services/costs-service.ts'],
  expenses: ['repos/expenses-repo.ts', 'services/expenses-service.ts'],
  imports: [
    'handlers/csv-handlers.ts', 'handlers/imports-handlers.ts', 'repos/mappings-repo.ts',
    'services/csv-service.ts', 'services/export-to.ts', 'services/output-file.ts', 'services/import-inspect.test.ts', 'services/import-jobs.ts', 'services/import-jobs.test.ts',
  ],
  leads: [
    'handlers/leads-handlers.ts', 'handlers/leads-board.test.ts', 'handlers/leads-follow-ups.test.ts',
    'repos/leads-repo.ts', 'repos/leads-count-cache.test.ts', 'repos/leads-list.test.ts', 'repos/search-matches.ts', 'repos/search-matches.test.ts',
    'services/leads-service.ts', 'services/lead-dates.test.ts',
    'services/stage-history.ts', 'services/stage-history.test.ts',
  ],
  payments: [
    'handlers/payments-handlers.ts', 'handlers/payer-links-handlers.ts', 'handlers/lead-money-handlers.ts', 'services/lead-money-service.ts', 'services/lead-money.test.ts', 'repos/payments-repo.ts', 'repos/payer-repo.ts', 'repos/payment-fees.ts',
    'repos/payment-fees.test.ts', 'services/payments-service.ts', 'services/payer-links-service.ts', 'services/payment-links.test.ts',
  ],
  reports: [
    'handlers/reports-handlers.ts', 'repos/report-repo.ts', 'repos/attribution-repo.ts', 'repos/boost-repo.ts', 'repos/hours-coverage-repo.ts',
    'services/reports-service.ts', 'services/boost-service.ts', 'services/boost-connects.test.ts', 'services/report-export.ts', 'services/hours-coverage.test.ts',
    'services/reports-hours.test.ts', 'services/reports-months.test.ts', 'services/reports-naive.test.ts', 'services/reports-service.test.ts',
  ],
  rates: ['repos/rates-repo.ts', 'services/rates-base.test.ts'],
  settings: ['services/preferences-service.ts'],
  sources: ['handlers/sources-handlers.ts', 'repos/sources-repo.ts', 'services/sources-service.ts'],
  subscriptions: ['repos/subscriptions-repo.ts', 'repos/plan-charges.ts', 'services/subscriptions-service.ts', 'services/plan-matching.test.ts', 'services/__fixtures__/upwork-membership.csv'],
  time: ['handlers/time-handlers.ts', 'repos/time-repo.ts', 'repos/time-projects-repo.ts', 'services/time-service.ts', 'services/time-edit.test.ts'],
  undo: ['handlers/undo-handlers.ts', 'repos/undo-repo.ts', 'services/undo-service.ts', 'services/undo.test.ts'],
};

// Everything else of src/core, old → new. A path ending in '/' is a whole folder (kept where it is when both sides
// are equal); a new file in a covered folder goes along, a new file in handlers/, services/ or repos/ stops the run.
const coreMoves = [
  ['src/core/backup/', 'src/core/backups/'],
  ['src/core/csv/', 'src/core/csv/'],
  ['src/core/db/', 'src/core/db/'],
  ['src/core/imports/', 'src/core/imports/'],
  ['src/core/reports/', 'src/core/reports/'],
  ['src/core/rollups/', 'src/core/rollups/'],
  ['src/core/security/', 'src/core/security/'],
  ['src/core/time/', 'src/core/time/'],
  ['src/core/visibility/', 'src/core/visibility/'],
  ['src/core/handlers/types.ts', 'src/core/handler-types.ts'], // Handler, HandlersFor: what dispatch and every area's handlers share
  ['src/core/handlers/type-decisions.ts', 'src/core/imports/type-decisions-service.ts'], // a service (csv/type-decisions.ts is the engine's part)
  ['src/core/handlers/crud-handlers.test.ts', 'src/core/crud-handlers.test.ts'], // one test over several areas' CRUD
  ['src/core/repos/import-decisions-repo.ts', 'src/core/csv/import-decisions-repo.ts'], // what the engine remembers of a platform's row types
  ['src/core/repos/paging.ts', 'src/core/db/paging.ts'], // LIMIT/OFFSET helper of several repositories
  ['src/core/repos/settings-repo.ts', 'src/core/db/settings-repo.ts'], // the settings table's key-value store, read by every area
  // the backup file itself (VACUUM INTO, listing, leftovers) is database plumbing that opening the store uses;
  // the backups area (operations, schedule, restore, recovery) sits above it
  ['src/core/backup/backup.ts', 'src/core/db/backup.ts'],
  ['src/core/backup/leftovers.ts', 'src/core/db/leftovers.ts'],
  ['src/core/backup/leftovers.test.ts', 'src/core/db/leftovers.test.ts'],
  // parts of the import engine that lived beside the areas it writes (imports ↔ csv, time ↔ csv): the engine and
  // every file format it reads, time trackers' included, are csv/; the areas drive it from above
  ...['after-import.ts', 'lead-links.ts', 'match-typed.ts', 'owned-fields.ts', 'reconcile-import.ts'].map((f) => [`src/core/imports/${f}`, `src/core/csv/${f}`]),
  ...['tracker-columns.ts', 'tracker-import.ts', 'tracker-projects.ts', 'wizard-time.ts', 'tracker-api.test.ts', 'tracker-import.test.ts', '__fixtures__/payments-net.csv', '__fixtures__/timesheet.csv'].map((f) => [`src/core/time/${f}`, `src/core/csv/${f}`]),
  ['src/core/services/money-input.ts', 'src/core/money-input.ts'], // amount parsing of several areas' forms
  // files directly in src/core stay: dispatch, context, host openers, paths, version, gc-tuning
  ...['context.ts', 'dispatch.ts', 'dispatch.test.ts', 'gc-tuning.ts', 'host-files.ts', 'host-store.ts', 'money-bounds.test.ts', 'paths.ts', 'version.ts'].map((f) => [`src/core/${f}`, `src/core/${f}`]),
  ...Object.entries(byArea).flatMap(([area, files]) => files.map((f) => [`src/core/${f}`, `src/core/${area}/${f.slice(f.indexOf('/') + 1)}`])),
];

// Renderer: helpers used by several features leave the feature (or the app shell) that happened to hold them, so the
// shell (app/) imports the features and nothing imports the shell (no coverage check here).
const lib = (from) => [`src/renderer/${from}`, `src/renderer/lib/${from.slice(from.lastIndexOf('/') + 1)}`];
const rendererMoves = [
  ...['app/format.ts', 'app/format.test.ts', 'app/useAsync.ts', 'app/dataVersion.ts', 'app/useRoute.ts', 'app/boardFocus.ts', 'app/backLink.ts'].map(lib),
  lib('features/sources/useSources.ts'), // 8 importers
  lib('features/reports/reportFormat.ts'), // 8 importers
  ['src/renderer/features/costs/useFormErrors.tsx', 'src/renderer/components/useFormErrors.tsx'], // 7 importers
  ['src/renderer/features/pipeline/Welcome.tsx', 'src/renderer/components/Welcome.tsx'], // the board's and the table's empty state
  // text of the reconciliation notes (renderer and CLI), beside the schema it describes: shared/csv ↔ api/schemas
  ['src/shared/csv/reconcile-text.ts', 'src/shared/api/reconcile-text.ts'],
];

// ── 1. Check the table against the tree ───────────────────────────────────────────────────────────────────────────
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const tracked = git('ls-files', '-co', '--exclude-standard').split('\n').filter(Boolean).filter((f) => fs.existsSync(path.join(root, f)));
const trackedSet = new Set(tracked);

const problems = [];
const moveOf = new Map(); // old file → new file, every file of the repository that moves
const covered = new Set();
const entries = [...coreMoves, ...rendererMoves].sort((a, b) => Number(!a[0].endsWith('/')) - Number(!b[0].endsWith('/'))); // folders first, files override
const namedFiles = new Set();
for (const [from, to] of entries) {
  if (from.endsWith('/')) {
    const inside = tracked.filter((f) => f.startsWith(from));
    if (inside.length === 0) problems.push(`mapping names a folder with no files: ${from}`);
    for (const f of inside) {
      covered.add(f);
      if (from !== to) moveOf.set(f, to + f.slice(from.length));
    }
  } else {
    if (!trackedSet.has(from)) problems.push(`mapping names a missing file: ${from}`);
    else if (namedFiles.has(from)) problems.push(`mapping names a file twice: ${from}`);
    namedFiles.add(from);
    covered.add(from);
    if (from !== to) moveOf.set(from, to);
    else moveOf.delete(from);
  }
}
const uncovered = tracked.filter((f) => f.startsWith('src/core/') && !covered.has(f));
for (const f of uncovered) problems.push(`src/core file not in the mapping table: ${f}`);
for (const to of new Set(moveOf.values())) if (trackedSet.has(to) && !moveOf.has(to)) problems.push(`target exists already: ${to}`);
if (problems.length) fail(`the mapping table does not match the tree (nothing changed):\n  ${problems.join('\n  ')}`);
console.log(`restructure: mapping checked, ${moveOf.size} files move`);
if (dryRun) process.exit(0);

// ── 2. Hand-written patches beside this script, against the tree as it is (before anything moves) ───────────────
// 1x-*.patch (the lint rules by file role and their test) must apply; 2x-*.patch (docs) may conflict with other
// work on the same lines: then the conflict markers stay in those files and the run goes on (resolve them after).
const patchDir = path.join(here, 'patches');
const docConflicts = [];
for (const patch of fs.existsSync(patchDir) ? fs.readdirSync(patchDir).filter((p) => p.endsWith('.patch')).sort() : []) {
  try {
    execFileSync('git', ['apply', '--3way', path.join(patchDir, patch)], { cwd: root, stdio: 'inherit' });
    console.log(`restructure: applied ${patch}`);
  } catch {
    if (!patch.startsWith('2')) fail(`patch ${patch} did not apply: resolve the conflict markers it left (git status), then run me again`);
    docConflicts.push(patch);
  }
}

// ── 3. Move ───────────────────────────────────────────────────────────────────────────────────────────────────────
const untracked = new Set(git('ls-files', '--others', '--exclude-standard').split('\n').filter(Boolean));
for (const [from, to] of moveOf) {
  fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
  if (untracked.has(from)) fs.renameSync(path.join(root, from), path.join(root, to));
  else git('mv', from, to);
}
for (const dir of ['src/core/handlers', 'src/core/services', 'src/core/repos', 'src/core/backup']) {
  const full = path.join(root, dir);
  if (fs.existsSync(full)) {
    const left = fs.readdirSync(full, { recursive: true }).filter((f) => fs.statSync(path.join(full, f)).isFile());
    if (left.length) fail(`${dir} still holds ${left.join(', ')}`);
    fs.rmSync(full, { recursive: true });
  }
}

// ── 4. Rewrite every relative specifier ───────────────────────────────────────────────────────────────────────────
const newOf = (f) => moveOf.get(f) ?? f;
const oldOf = new Map([...moveOf].map(([a, b]) => [b, a]));
const codeDirs = ['src', 'electron', 'e2e', 'scripts', 'test-support', 'bin', 'build'];
const isCode = (f) => /\.(tsx?|mts|cts|mjs|cjs|js)$/.test(f) && !f.endsWith('.d.ts.map');
const inCodeDirs = (f) => codeDirs.some((d) => f.startsWith(`${d}/`)) || !f.includes('/');
const currentFiles = () => tracked.map(newOf).filter((f) => fs.existsSync(path.join(root, f)));
const probe = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '/index.ts', '/index.tsx', '/index.js'];

/** The repository file a relative specifier of `oldFile` named before the moves. */
function resolveOld(oldFile, spec) {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(oldFile), spec));
  const stripped = base.replace(/\.(m?js|cjs)$/, '');
  for (const candidate of [...probe.map((e) => base + e), ...probe.map((e) => stripped + e.replace(/^\.m?js$/, '.ts'))]) {
    if (trackedSet.has(candidate)) return candidate;
  }
  return null;
}

/** `target` as a specifier from `file`, in the style of `was` (extension kept or left out). */
function specifierTo(file, target, was) {
  let rel = path.posix.relative(path.posix.dirname(file), target);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  if (/\/index\.tsx?$/.test(target) && !/index(\.tsx?)?$/.test(was)) return rel.replace(/\/index\.tsx?$/, '');
  if (/\.(tsx?|mts)$/.test(target) && !/\.(tsx?|mts)$/.test(was)) {
    const ext = was.match(/\.(m?js|cjs)$/)?.[0] ?? '';
    return rel.replace(/\.(tsx?|mts)$/, ext);
  }
  return rel;
}

/** Relative specifiers of a file with their positions: imports, exports, import(), require, vi.mock and friends. */
function specifierSpans(text) {
  const spans = [];
  const { importedFiles } = ts.preProcessFile(text, true, true);
  for (const f of importedFiles) {
    // the reported position is the opening quote in TypeScript 5.x; find the text itself near it
    const pos = [f.pos, f.pos + 1, f.pos - 1].find((p) => text.startsWith(f.fileName, p) && /['"`]/.test(text[p - 1]));
    if (pos === undefined) throw new Error(`cannot place specifier ${f.fileName}`);
    spans.push({ spec: f.fileName, pos, end: pos + f.fileName.length });
  }
  for (const m of text.matchAll(/\bvi\.(?:mock|doMock|unmock|importActual|importMock)\(\s*(['"])([^'"]+)\1/g)) {
    const pos = m.index + m[0].length - m[2].length - 1;
    if (!spans.some((s) => s.pos === pos)) spans.push({ spec: m[2], pos, end: pos + m[2].length });
  }
  return spans.filter((s) => s.spec.startsWith('.')).sort((a, b) => b.pos - a.pos);
}

const touched = new Set();
let rewritten = 0;
for (const file of currentFiles()) {
  if (!isCode(file) || !inCodeDirs(file) || file.startsWith('scripts/restructure/')) continue;
  const oldFile = oldOf.get(file) ?? file;
  let text = fs.readFileSync(path.join(root, file), 'utf8');
  const original = text;
  for (const { spec, pos, end } of specifierSpans(text)) {
    if (text.slice(pos, end) !== spec) fail(`${file}: could not place specifier ${spec}`);
    const target = resolveOld(oldFile, spec);
    if (!target) continue; // a package subpath or a generated file: nothing of ours moved
    if (file === oldFile && newOf(target) === target) continue; // neither side moved: left as written
    text = text.slice(0, pos) + specifierTo(file, newOf(target), spec) + text.slice(end);
  }
  if (text !== original) {
    fs.writeFileSync(path.join(root, file), text);
    touched.add(file);
    rewritten++;
  }
}
console.log(`restructure: specifiers rewritten in ${rewritten} files`);

// Repository-relative paths in strings and configs (fixtures read by e2e, build entries, knip entries, comments).
const textExt = /\.(tsx?|mts|mjs|cjs|js|json|jsonc|ya?ml|md)$/;
const pathMoves = [...moveOf].sort((a, b) => b[0].length - a[0].length);
for (const file of currentFiles()) {
  if (!textExt.test(file) || file.startsWith('scripts/restructure/') || file === 'package-lock.json') continue;
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  if (!text.includes('src/')) continue;
  let next = text;
  for (const [from, to] of pathMoves) {
    if (next.includes(from)) next = next.replaceAll(from, to);
    const bare = from.replace(/\.(tsx?)$/, '');
    if (bare !== from) next = next.replace(new RegExp(`${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w./-])`, 'g'), to.replace(/\.(tsx?)$/, ''));
  }
  if (next !== text) {
    fs.writeFileSync(path.join(root, file), next);
    touched.add(file);
  }
}

// ── 5. Source edits with the TypeScript API ───────────────────────────────────────────────────────────────────────
const read = (f) => fs.readFileSync(path.join(root, f), 'utf8');
const createdFiles = new Set();
const write = (f, text) => {
  if (!exists(f)) createdFiles.add(f);
  fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
  fs.writeFileSync(path.join(root, f), text);
  touched.add(f);
};
const parse = (f, text = read(f)) => ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
const camel = (s) => s.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const exists = (f) => fs.existsSync(path.join(root, f));
const relSpec = (from, to) => specifierTo(from, to, 'x');

/** Identifiers used in some code (comments and strings left out); `props` for object members such as handler keys. */
function namesIn(text, props = false) {
  const sf = ts.createSourceFile('x.tsx', props ? `({\n${text}\n})` : text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names = new Set();
  const visit = (node) => {
    const parent = node.parent;
    const isMemberName =
      parent &&
      ((ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node));
    if (ts.isIdentifier(node) && !isMemberName) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

/** Import declarations of `sf` narrowed to the names `used`, re-pointed from `fromFile` to `toFile`. */
function importsFor(sf, fromFile, toFile, used) {
  const lines = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause) continue;
    const spec = st.moduleSpecifier.text;
    const target = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec)) : null;
    const where = target ? relSpec(toFile, target) : spec;
    if (where === './' + path.posix.basename(toFile).replace(/\.tsx?$/, '')) continue;
    const clause = st.importClause;
    const typeOnly = clause.isTypeOnly ? 'type ' : '';
    const parts = [];
    if (clause.name && used.has(clause.name.text)) parts.push(clause.name.text);
    const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.filter((e) => used.has(e.name.text)).map((e) => e.getText(sf)) : [];
    if (!parts.length && !named.length) continue;
    lines.push(`import ${typeOnly}${[...parts, ...(named.length ? [`{ ${named.join(', ')} }`] : [])].join(', ')} from '${where}';`);
  }
  return lines;
}

/** Leaves in `file` only the imports its remaining text uses (side-effect imports stay). */
function pruneImports(file) {
  const text = read(file);
  const sf = parse(file, text);
  const used = namesIn(sf.statements.filter((s) => !ts.isImportDeclaration(s)).map((s) => s.getText(sf)).join('\n'));
  const edits = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause) continue;
    const clause = st.importClause;
    const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
    const keepNamed = named.filter((e) => used.has(e.name.text));
    const keepDefault = clause.name && used.has(clause.name.text);
    const ns = clause.namedBindings && ts.isNamespaceImport(clause.namedBindings) ? clause.namedBindings : null;
    const keepNs = ns && used.has(ns.name.text);
    if (keepNamed.length === named.length && (!clause.name || keepDefault) && (!ns || keepNs)) continue;
    const parts = [keepDefault ? clause.name.text : '', keepNs ? ns.getText(sf) : '', keepNamed.length ? `{ ${keepNamed.map((e) => e.getText(sf)).join(', ')} }` : ''].filter(Boolean);
    const end = st.getEnd() + (text[st.getEnd()] === '\n' ? 1 : 0);
    edits.push(parts.length ? [st.getStart(sf), st.getEnd(), `import ${clause.isTypeOnly ? 'type ' : ''}${parts.join(', ')} from '${st.moduleSpecifier.text}';`] : [st.getStart(sf), end, '']);
  }
  let out = text;
  for (const [x, y, r] of edits.sort((p, q) => q[0] - p[0])) out = out.slice(0, x) + r + out.slice(y);
  if (out !== text) write(file, out);
}

/** `text` importing `names` from `spec`: added to an import of the same module and kind, else a new line. */
function addImport(file, text, names, spec, typeOnly) {
  const sf = parse(file, text);
  const same = sf.statements.find((s) => ts.isImportDeclaration(s) && s.moduleSpecifier.text === spec && !!s.importClause?.isTypeOnly === typeOnly && s.importClause?.namedBindings && ts.isNamedImports(s.importClause.namedBindings));
  if (same) {
    const els = same.importClause.namedBindings.elements;
    const at = els.at(-1).getEnd();
    return `${text.slice(0, at)}, ${names.join(', ')}${text.slice(at)}`;
  }
  return insertAfterImports(file, text, `import ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${spec}';`);
}

/**
 * Splits a handler map by operation area: the keys of every area but the file's own go to
 * `src/core/<folder>/<area>-handlers.ts` as `<area>Handlers: HandlersFor<'<area>'>`; top-level helpers that only the
 * moved keys use go along; `sharedTo` names the file for helpers both sides use. Returns the new maps.
 */
function splitHandlers(file, exportName, own, sharedTo) {
  const text = read(file);
  const sf = parse(file, text);
  const decl = sf.statements.find((s) => ts.isVariableStatement(s) && s.declarationList.declarations[0].name.getText(sf) === exportName);
  if (!decl) fail(`${file}: no ${exportName} (the split was written against another content; do it by hand)`);
  const varDecl = decl.declarationList.declarations[0];
  const object = varDecl.initializer;
  if (!object || !ts.isObjectLiteralExpression(object)) fail(`${file}: ${exportName} is not an object literal`);
  const groups = new Map();
  for (const prop of object.properties) {
    if (ts.isSpreadAssignment(prop)) continue;
    const key = prop.name && (ts.isStringLiteral(prop.name) ? prop.name.text : prop.name.getText(sf));
    const area = key?.split(':')[0];
    if (!area || !(area in areaFolder)) fail(`${file}: key ${key} has no area in the table`);
    if (area === own) continue;
    if (!groups.has(area)) groups.set(area, []);
    groups.get(area).push(prop);
  }
  if (!groups.size) return [];
  // helpers: top-level non-import statements other than the map
  const helpers = sf.statements.filter((s) => s !== decl && !ts.isImportDeclaration(s));
  const helperName = (s) => (ts.isFunctionDeclaration(s) || ts.isTypeAliasDeclaration(s) ? s.name?.text : ts.isVariableStatement(s) ? s.declarationList.declarations[0].name.getText(sf) : undefined);
  const ownProps = object.properties.filter((p) => !groups.size || ![...groups.values()].flat().includes(p));
  const ownText = ownProps.map((p) => p.getText(sf)).join('\n');
  const usedBy = (texts, props = false) => {
    // transitive closure over helpers
    const names = new Set();
    let pending = namesIn(texts, props);
    let grew = true;
    while (grew) {
      grew = false;
      for (const h of helpers) {
        const n = helperName(h);
        if (n && pending.has(n) && !names.has(n)) {
          names.add(n);
          pending = new Set([...pending, ...namesIn(h.getText(sf))]);
          grew = true;
        }
      }
    }
    return names;
  };
  const ownHelpers = usedBy(ownText, true);
  const created = [];
  const sharedHelpers = new Set();
  const movedHelpers = new Set();
  for (const [area, props] of groups) {
    const target = `src/core/${areaFolder[area]}/${area}-handlers.ts`;
    if (exists(target)) fail(`${target} exists already`);
    const propText = props.map((p) => `  ${p.getText(sf)},`).join('\n');
    const need = usedBy(propText, true);
    const bodyParts = [];
    const fromShared = [];
    for (const h of helpers) {
      const n = helperName(h);
      if (!n || !need.has(n)) continue;
      if (ownHelpers.has(n) || [...groups.keys()].some((a) => a !== area && usedBy(groups.get(a).map((p) => p.getText(sf)).join(',\n'), true).has(n))) {
        sharedHelpers.add(h);
        fromShared.push(n);
      } else {
        bodyParts.push(h.getFullText(sf).replace(/^\s*\n/, ''));
        movedHelpers.add(h);
      }
    }
    const name = `${camel(area)}Handlers`;
    const body = `${bodyParts.join('\n')}${bodyParts.length ? '\n\n' : ''}export const ${name}: HandlersFor<'${area}'> = {\n${propText}\n};\n`;
    const used = namesIn(body);
    used.add('HandlersFor');
    const imports = importsFor(sf, file, target, used);
    if (!imports.some((l) => /\bHandlersFor\b/.test(l))) imports.push(`import type { HandlersFor } from '${relSpec(target, 'src/core/handler-types.ts')}';`);
    if (fromShared.length) {
      if (!sharedTo) fail(`${file}: helpers ${fromShared.join(', ')} are used by two areas; give the split a file for them`);
      imports.push(`import { ${fromShared.join(', ')} } from '${relSpec(target, sharedTo)}';`);
    }
    write(target, `${imports.join('\n')}\n\n${body}`);
    created.push({ area, name, file: target });
  }
  // the source keeps its own keys (and spreads); helpers used by both sides go to `sharedTo`
  let out = text;
  const edits = [];
  for (const props of groups.values()) for (const p of props) edits.push([p.getFullStart(), p.getEnd() + (text.slice(p.getEnd()).match(/^\s*,/)?.[0].length ?? 0), '']);
  if (varDecl.type) edits.push([varDecl.type.getStart(sf), varDecl.type.getEnd(), `HandlersFor<'${own}'>`]);
  for (const h of movedHelpers) edits.push([h.getFullStart(), h.getEnd(), '']);
  for (const h of sharedHelpers) edits.push([h.getFullStart(), h.getEnd(), '']);
  for (const [a, b, t] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + t + out.slice(b);
  if (sharedHelpers.size) {
    const names = [...sharedHelpers].map(helperName);
    const helperText = [...sharedHelpers].map((h) => h.getText(sf).replace(/^(?!export )/, 'export ')).join('\n\n');
    const helperImports = importsFor(sf, file, sharedTo, namesIn(helperText));
    if (exists(sharedTo)) fail(`${sharedTo} exists already`);
    write(sharedTo, `${helperImports.join('\n')}\n\n${helperText}\n`);
    out = addImport(file, out, names, relSpec(file, sharedTo), false);
  }
  write(file, out);
  pruneImports(file);
  return created;
}

/** Adds the new handler maps to dispatch's map, right after the map they were split from. */
function registerInDispatch(fromName, created) {
  const file = 'src/core/dispatch.ts';
  let text = read(file);
  const spread = new RegExp(`\\.\\.\\.${fromName}\\b,?`);
  if (!spread.test(text)) fail(`${file}: no ...${fromName} in the handler map`);
  text = text.replace(spread, (m) => `${m.endsWith(',') ? m : `${m},`} ${created.map((c) => `...${c.name},`).join(' ')}`);
  const importLines = created.map((c) => `import { ${c.name} } from '${relSpec(file, c.file)}';`).join('\n');
  const anchor = text.match(new RegExp(`import \\{[^}]*\\b${fromName}\\b[^}]*\\} from '[^']+';\\n`));
  if (!anchor) fail(`${file}: no import of ${fromName}`);
  text = text.replace(anchor[0], `${anchor[0]}${importLines}\n`);
  write(file, text);
}

/** Moves top-level declarations `names` from `from` to `to` (created or appended) and re-points every importer. */
function moveDeclarations(from, to, names) {
  const text = read(from);
  const sf = parse(from, text);
  const picked = sf.statements.filter((s) => (ts.isFunctionDeclaration(s) || ts.isTypeAliasDeclaration(s)) && names.includes(s.name?.text) || (ts.isVariableStatement(s) && names.includes(s.declarationList.declarations[0].name.getText(sf))));
  const found = picked.map((s) => (ts.isVariableStatement(s) ? s.declarationList.declarations[0].name.getText(sf) : s.name.text));
  const missing = names.filter((n) => !found.includes(n));
  if (missing.length) fail(`${from}: no top-level ${missing.join(', ')} to move`);
  const moved = picked.map((s) => s.getFullText(sf).replace(/^\s*\n/, '')).join('\n\n');
  const existing = exists(to) ? read(to) : '';
  const imports = importsFor(sf, from, to, namesIn(moved));
  const newText = existing ? `${imports.join('\n')}\n${existing}\n${moved}\n` : `${imports.join('\n')}\n\n${moved}\n`;
  write(to, newText);
  // what stays in `from` and still uses a moved name imports it
  let out = text;
  for (const s of [...picked].reverse()) out = out.slice(0, s.getFullStart()) + out.slice(s.getEnd());
  const rest = namesIn(parse(from, out).statements.filter((s) => !ts.isImportDeclaration(s)).map((s) => s.getText()).join('\n'));
  const stillUsed = names.filter((n) => rest.has(n));
  const typeNames = new Set(picked.filter(ts.isTypeAliasDeclaration).map((s) => s.name.text));
  const typeKw = stillUsed.every((n) => typeNames.has(n)) ? 'type ' : '';
  if (stillUsed.length) out = addImport(from, out, stillUsed, relSpec(from, to), typeKw !== '');
  write(from, out);
  pruneImports(from);
  // importers
  for (const file of currentFiles()) {
    if (!isCode(file) || !inCodeDirs(file) || file === from || file === to || file.startsWith('scripts/restructure/')) continue;
    let t = read(file);
    const before = t;
    const fsf = parse(file, t);
    const edits = [];
    for (const st of fsf.statements) {
      if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings || !ts.isNamedImports(st.importClause.namedBindings)) continue;
      const spec = st.moduleSpecifier.text;
      if (!spec.startsWith('.') || resolveNow(file, spec) !== from) continue;
      const els = st.importClause.namedBindings.elements;
      const take = els.filter((e) => names.includes((e.propertyName ?? e.name).text));
      if (!take.length) continue;
      const keep = els.filter((e) => !take.includes(e));
      const typeOnly = st.importClause.isTypeOnly ? 'type ' : '';
      const lines = [];
      if (keep.length || st.importClause.name) lines.push(`import ${typeOnly}${[st.importClause.name?.text, keep.length ? `{ ${keep.map((e) => e.getText(fsf)).join(', ')} }` : ''].filter(Boolean).join(', ')} from '${spec}';`);
      lines.push(`import ${typeOnly}{ ${take.map((e) => e.getText(fsf)).join(', ')} } from '${relSpec(file, to)}';`);
      edits.push([st.getStart(fsf), st.getEnd(), lines.join('\n')]);
    }
    for (const [a, b, r] of edits.sort((x, y) => y[0] - x[0])) t = t.slice(0, a) + r + t.slice(b);
    // `const { toApiError } = await import('../dispatch')`: only moved names → the new module
    t = t.replace(/const \{([^}]+)\} = await import\((['"])([^'"]+)\2\)/g, (m, list, q, spec) => {
      const used = list.split(',').map((x) => x.trim().split(':')[0].trim()).filter(Boolean);
      if (!spec.startsWith('.') || resolveNow(file, spec) !== from || !used.every((n) => names.includes(n))) return m;
      return `const {${list}} = await import(${q}${relSpec(file, to)}${q})`;
    });
    if (t !== before) write(file, t);
  }
}

/** `text` with `line` after its last import declaration. */
function insertAfterImports(file, text, line) {
  const last = parse(file, text).statements.filter(ts.isImportDeclaration).at(-1);
  if (!last) return `${line}\n${text}`;
  return `${text.slice(0, last.getEnd())}\n${line}${text.slice(last.getEnd())}`;
}

function resolveNow(file, spec) {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.(m?js)$/, '');
  for (const e of ['.ts', '.tsx', '/index.ts', '']) if (exists(base + e) && fs.statSync(path.join(root, base + e)).isFile()) return base + e;
  return null;
}

// The one errors module: what a thrown error becomes in the envelope (dispatch, the import jobs, the CLI).
moveDeclarations('src/core/dispatch.ts', 'src/core/errors.ts', ['zodFields', 'toApiError']);

// File cycles of types: the shared type goes to a file both sides import.
moveDeclarations('src/core/csv/formats.ts', 'src/core/csv/column-mapping.ts', ['ColumnMapping']); // formats ↔ wizard-money
moveDeclarations('src/renderer/features/closeout/useCloseOut.tsx', 'src/renderer/features/closeout/closed.ts', ['Closed']); // useCloseOut ↔ LostDialog
moveDeclarations('src/renderer/app/pages.ts', 'src/renderer/lib/useRoute.ts', ['PageProps']); // pages ↔ every page
moveDeclarations('src/shared/api/schemas/activity.ts', 'src/shared/domain/activity-kinds.ts', ['activityKinds']); // activity ↔ undo schemas
moveDeclarations('src/shared/api/schemas/expenses.ts', 'src/shared/domain/expense-categories.ts', ['expenseCategoryValues']); // expenses ↔ undo schemas

/** One exact edit; stops the run when the text it was written against changed. */
function replaceExact(file, from, to) {
  const text = read(file);
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) fail(`${file}: expected exactly one ${JSON.stringify(from)} (the file changed; do this edit by hand)`);
  write(file, text.slice(0, at) + to + text.slice(at + from.length));
}
/** Every occurrence of an edit (at least one); stops the run when there is none. */
function replaceEvery(file, from, to) {
  const text = read(file);
  if (!text.includes(from)) fail(`${file}: expected ${JSON.stringify(from)} (the file changed; do this edit by hand)`);
  write(file, text.replaceAll(from, to));
}
// The time trackers' test reads its fixtures from the folder they moved to with it.
replaceEvery('src/core/csv/tracker-api.test.ts', "fx('time', ", "fx('csv', ");
// The undo schemas check their written-out kinds against the owner's list, not the activity schema.
replaceExact('src/shared/api/schemas/undo.ts', "import type { ActivityKind } from './activity';", "import type { activityKinds as ownerKinds } from '../../domain/activity-kinds';");
replaceExact('src/shared/api/schemas/undo.ts', 'satisfies readonly ActivityKind[]', 'satisfies readonly (typeof ownerKinds)[number][]');
// The back link names the page it returns to by the titles the shell hands it (it imported the page list).
replaceExact('src/renderer/lib/backLink.ts', "import { pages } from '../app/pages';\n", '');
replaceExact('src/renderer/lib/backLink.ts', 'let lastHash', "let titleOf: (page: string) => string | undefined = () => undefined;\n\n/** The shell tells which title each page has (app/pages.ts). */\nexport function setPageTitles(titles: (page: string) => string | undefined): void {\n  titleOf = titles;\n}\n\nlet lastHash");
replaceExact('src/renderer/lib/backLink.ts', 'pages.find((p) => p.id === page)?.title', 'titleOf(page)');
{
  // the side-effect import (and the comment saying why it is there) becomes the import of setPageTitles
  const app = 'src/renderer/app/App.tsx';
  const m = read(app).match(/((?:\/\/[^\n]*\n)*)import '\.\.\/lib\/backLink';\n/);
  if (!m) fail(`${app}: expected import '../lib/backLink' (the file changed; do this edit by hand)`);
  write(app, read(app).replace(m[0], ''));
  replaceExact(app, "import { pages } from './pages';\n", `import { pages } from './pages';\n${m[1]}import { setPageTitles } from '../lib/backLink';\n`);
}
afterImports('src/renderer/app/App.tsx', 'setPageTitles((page) => pages.find((p) => p.id === page)?.title);\n');

/** Inserts `code` after the last import statement of `file`. */
function afterImports(file, code) {
  const text = read(file);
  const last = parse(file, text).statements.filter(ts.isImportDeclaration).at(-1);
  write(file, `${text.slice(0, last.getEnd())}\n\n${code}${text.slice(last.getEnd()).replace(/^\n+/, '\n')}`);
}

// The undo snapshots every delete keeps are a store under the areas (db/), so an area's delete no longer imports the
// undo area that restores through the area's repository (undo ↔ leads, payments, expenses, subscriptions, activity).
moveDeclarations('src/core/undo/undo-repo.ts', 'src/core/db/undo-snapshots.ts', ['leadDependents', 'activityById', 'UndoKind', 'undoKept', 'keepUndoSnapshot', 'UndoSnapshotRow', 'undoSnapshotById', 'markUndone']);

// Handler files that serve several areas, split by area (each key goes with its area; see areaFolder).
const splits = [
  ['src/core/activity/activity-handlers.ts', 'activityHandlers', 'activity'],
  ['src/core/app/app-handlers.ts', 'appHandlers', 'app', 'src/core/app/app-info.ts'],
  ['src/core/costs/costs-handlers.ts', 'costsHandlers', 'costs'],
  ['src/core/payments/payments-handlers.ts', 'paymentsHandlers', 'payments'],
  ['src/core/time/time-handlers.ts', 'timeHandlers', 'time'],
];
for (const [file, name, own, sharedTo] of splits) {
  const created = splitHandlers(file, name, own, sharedTo);
  if (created.length) registerInDispatch(name, created);
  console.log(`restructure: ${file} split: ${created.map((c) => c.file).join(', ') || 'nothing to split'}`);
}

// Comments over a split map that named what left it (no stop when they changed: they are comments).
const softReplace = (file, re, to) => exists(file) && re.test(read(file)) && write(file, read(file).replace(re, to));
softReplace('src/core/activity/activity-handlers.ts', /\/\/ The daily loop[^\n]*/, "// A lead's activity log; close-out, the follow-up agenda and lost reasons have their handler files beside it.");
softReplace('src/core/time/time-handlers.ts', /\/\/ Time entries and the timer/, '// Time entries (the timer: timer-handlers.ts)');

// Format the files the script created (the split handler files, errors.ts, app-info.ts) with the project's Prettier when it has one.
const prettier = path.join(root, 'node_modules', '.bin', 'prettier');
if (fs.existsSync(prettier) && fs.readdirSync(root).some((f) => f.startsWith('.prettierrc'))) {
  const files = [...createdFiles].filter((f) => exists(f) && /\.(tsx?|mjs|js|json)$/.test(f));
  if (files.length) execFileSync(prettier, ['--write', '--log-level', 'warn', ...files], { cwd: root, stdio: 'inherit' });
}
if (docConflicts.length) console.warn(`restructure: WARNING ${docConflicts.join(', ')} left conflict markers (git diff --name-only --diff-filter=U): resolve them`);
console.log('restructure: done; now run: npx tsc -p tsconfig.json --noEmit && npx eslint . && npx knip --no-progress && npx vitest run');
