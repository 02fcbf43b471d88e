import type { ReadableDB, WritableDB } from '../db/handles';
import { getSetting, setSetting } from '../db/settings-repo';

// The user's decisions about row types a platform's tables do not know, one settings row per
// platform (JSON: type key -> { type as written, decision }). Small, read once per import.

export type SavedTypeDecision = { type: string; as: string; category?: string | undefined };

const keyOf = (platform: string) => `import_type_decisions:${platform}`;

export function typeDecisions(db: ReadableDB, platform: string): Record<string, SavedTypeDecision> {
  const raw = getSetting(db, keyOf(platform));
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, SavedTypeDecision>;
  } catch {
    return {};
  }
}

export function saveTypeDecision(db: WritableDB, platform: string, key: string, decision: SavedTypeDecision): void {
  const all = typeDecisions(db, platform);
  all[key] = decision;
  setSetting(db, keyOf(platform), JSON.stringify(all));
}

export function deleteTypeDecision(db: WritableDB, platform: string, key: string): boolean {
  const all = typeDecisions(db, platform);
  if (!(key in all)) return false;
  delete all[key];
  setSetting(db, keyOf(platform), JSON.stringify(all));
  return true;
}
