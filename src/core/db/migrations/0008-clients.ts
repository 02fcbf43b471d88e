import type { Migration } from './types';

// Clients (docs/domain.md §6.3): a client has names (the first is its name, the others are names
// merged or renamed away, so leads naming them still find it), e-mails and an optional first_source
// (NULL: the channel of its earliest lead). Rail payments (PayPal, Stripe) keep their payer, and a
// payer the user linked once is remembered (15.3).
export const migration0008: Migration = {
  version: 8,
  name: 'clients',
  up: `
    CREATE TABLE clients (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      emails TEXT NOT NULL DEFAULT '',
      first_source_id INTEGER REFERENCES sources(id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE client_names (
      name TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
      client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX client_names_client ON client_names(client_id);

    ALTER TABLE leads ADD COLUMN client_id INTEGER REFERENCES clients(id);
    -- The default first source (earliest lead by created_on, then id) and the Clients page's counts,
    -- contacts and channels, read from the index alone (1M leads of 15 clients: no table reads).
    CREATE INDEX leads_client ON leads(client_id, created_on, id, source_id, stage, applied_on, closed_on) WHERE client_id IS NOT NULL;

    ALTER TABLE payments ADD COLUMN rail TEXT CHECK (rail IS NULL OR rail IN ('paypal', 'stripe', 'bank'));
    ALTER TABLE payments ADD COLUMN payer_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE payments ADD COLUMN payer_email TEXT NOT NULL DEFAULT '';
    -- 1 when the user assigned the payment to a channel from "To assign" (no lead).
    ALTER TABLE payments ADD COLUMN assigned INTEGER NOT NULL DEFAULT 0 CHECK (assigned IN (0, 1));
    CREATE INDEX payments_to_assign ON payments(date) WHERE rail IS NOT NULL AND lead_id IS NULL AND assigned = 0;
    -- First-touch attribution reads only payments that have a lead, from this index alone (attribution-repo.ts).
    CREATE INDEX payments_lead_money ON payments(lead_id, date, source_id, currency, gross_minor) WHERE lead_id IS NOT NULL;

    -- payer: 'email:<address>' or 'name:<name>', as the rail wrote it.
    CREATE TABLE payer_links (
      payer TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
      client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      lead_id INTEGER REFERENCES leads(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX payer_links_client ON payer_links(client_id);

    -- Existing leads: one client per client name (exact, case-insensitive), named as its earliest lead writes it.
    INSERT OR IGNORE INTO clients (name, created_at)
      SELECT client, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM leads WHERE client != '' ORDER BY created_on, id;
    INSERT INTO client_names (name, client_id) SELECT name, id FROM clients;
    UPDATE leads SET client_id = (SELECT n.client_id FROM client_names n WHERE n.name = leads.client) WHERE client != '';
  `,
};
