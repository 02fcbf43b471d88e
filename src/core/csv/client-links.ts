import type { WritableDB } from '../db/handles';
import { clientIdByName, clientIdByOwnName, insertClient, respellClient } from '../clients/clients-repo';

/** SQLite's NOCASE: only ASCII letters fold. */
const nocase = (name: string) => name.replace(/[A-Z]+/g, (s) => s.toLowerCase());

/** A client this import made: the name it was stored with, and the spelling of its earliest lead so far. */
/** Names held at most: a file naming more clients than this writes the spellings so far and starts over. */
const maxNames = 100_000;

type Made = { id: number; stored: string; wanted: string; createdOn: string };

/**
 * Links imported leads to their clients by name while they are written (docs/domain.md §6.3), instead of
 * one UPDATE of every lead afterwards (docs/performance.md). Same rule as linkUnlinkedLeads: a
 * new client is named as its earliest lead (by created_on, then file order) writes it.
 */
export class ClientLinks {
  private readonly ids = new Map<string, number>();
  /** Names as written, with their NOCASE key: most rows repeat a name seen before. */
  private readonly keys = new Map<string, string>();
  private readonly made = new Map<string, Made>();

  constructor(
    private readonly db: WritableDB,
    private readonly createdAt: string,
  ) {}

  /** The client of a lead naming `client`, created when no client has that name. Empty name: none. */
  idFor(client: string, createdOn: string): number | null {
    let key = this.keys.get(client);
    if (key === undefined) {
      if (client.trim() === '') return null;
      if (this.keys.size >= maxNames) this.finish();
      key = nocase(client);
      this.keys.set(client, key);
    }
    const made = this.made.get(key);
    if (made) {
      if (createdOn < made.createdOn) Object.assign(made, { createdOn, wanted: client });
      return made.id;
    }
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const existing = clientIdByName(this.db, client) ?? clientIdByOwnName(this.db, client);
    if (existing !== undefined) {
      this.ids.set(key, existing);
      return existing;
    }
    const id = insertClient(this.db, { name: client, emails: '', first_source_id: null, created_at: this.createdAt });
    this.made.set(key, { id, stored: client, wanted: client, createdOn });
    return id;
  }

  /** Clients made by this import take the spelling of their earliest lead. */
  finish(): void {
    for (const m of this.made.values()) if (m.wanted !== m.stored) respellClient(this.db, m.id, m.stored, m.wanted);
    this.made.clear();
    this.ids.clear();
    this.keys.clear();
  }
}
