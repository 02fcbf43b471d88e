import { z } from 'zod';
import { op } from '../define';
import { id } from '../fields';
import { pageInput } from './money-fields';

// Clients (docs/domain.md §6.3). Money is base-currency minor units (`currency`).

const email = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/, 'Write an e-mail like name@example.com');
const clientName = z.string().trim().min(1, 'A client needs a name').max(200, 'At most 200 characters');

export const Client = z.object({
  id,
  name: z.string(),
  emails: z.array(z.string()),
  /** The first source in force: the one set, else the channel of the earliest lead (null: no leads yet). */
  firstSourceId: id.nullable(),
  firstSource: z.string().nullable(),
  /** True when no first source was set and the default rule gives it. */
  firstSourceIsDefault: z.boolean(),
  leads: z.number().int(),
  wins: z.number().int(),
  /** Lifetime gross of the payments of the client's leads, in the base currency. */
  revenue: z.number().int(),
  currency: z.string(),
  firstContact: z.string().nullable(),
  lastContact: z.string().nullable(),
  /** Won work more than once. */
  repeat: z.boolean(),
});
export type Client = z.infer<typeof Client>;

export const ClientDetail = z.object({
  client: Client,
  leads: z.array(
    z.object({
      id,
      title: z.string(),
      sourceId: id,
      source: z.string(),
      stage: z.string(),
      createdOn: z.string(),
      closedOn: z.string().nullable(),
      valueMinor: z.number().int().nullable(),
      currency: z.string(),
    }),
  ),
  /** Per channel: the client's leads found there and the revenue paid there. `leads` above: the 200 most recent. */
  channels: z.array(
    z.object({
      sourceId: id,
      source: z.string(),
      leads: z.number().int(),
      wins: z.number().int(),
      revenue: z.number().int(),
    }),
  ),
  warnings: z.array(z.string()),
});
export type ClientDetail = z.infer<typeof ClientDetail>;

export const ClientCreate = z.object({
  name: clientName,
  emails: z.array(email).max(20).optional(),
  firstSourceId: id.nullable().optional(),
});
export const ClientUpdate = z.object({
  id,
  name: clientName.optional(),
  emails: z.array(email).max(20).optional(),
  firstSourceId: id.nullable().optional(),
});

export const clientsContract = {
  'clients:list': op.read(
    z.object({ search: z.string().trim().max(200).optional(), ...pageInput }),
    z.object({ items: z.array(Client), total: z.number().int() }),
    'Clients with their first source, leads, revenue and contacts',
  ),
  'clients:get': op.read(z.object({ id }), ClientDetail, 'One client: lifetime revenue, its channels and its leads'),
  'clients:create': op.write(
    ClientCreate,
    Client,
    'Add a client (name, e-mails, first source; no first source = the channel of its earliest lead)',
  ),
  'clients:update': op.write(ClientUpdate, Client, 'Change a client; firstSourceId null goes back to the default rule'),
  'clients:merge': op.write(
    z.object({ id, intoId: id }),
    Client,
    'Merge client id into intoId: its leads, names, e-mails and remembered payers move, then it is removed',
  ),
  'clients:link-lead': op.write(
    z
      .object({ leadId: id, clientId: id.optional(), clientName: clientName.optional() })
      .refine((v) => (v.clientId === undefined) !== (v.clientName === undefined), {
        path: ['clientId'],
        message: 'Give clientId or clientName (one of them)',
      }),
    z.object({ leadId: id, clientId: id, clientName: z.string() }),
    'Link a lead to a client (by id, or by name: that client, else a new one)',
  ),
  'clients:of-lead': op.read(
    z.object({ leadId: id }),
    z.object({ client: z.object({ id, name: z.string() }).nullable() }),
    'The client a lead is linked to',
  ),
};
