import {
  clientOfLead,
  createClient,
  getClient,
  linkLead,
  listClients,
  mergeClients,
  updateClient,
} from './clients-service';
import type { HandlersFor } from '../handler-types';

export const clientsHandlers: HandlersFor<'clients'> = {
  'clients:list': (ctx, input) => listClients(ctx, input),
  'clients:get': (ctx, { id }) => getClient(ctx, id),
  'clients:create': (ctx, input) => createClient(ctx, input),
  'clients:update': (ctx, input) => updateClient(ctx, input),
  'clients:merge': (ctx, input) => mergeClients(ctx, input),
  'clients:link-lead': (ctx, input) => linkLead(ctx, input),
  'clients:of-lead': (ctx, { leadId }) => clientOfLead(ctx, leadId),
};
