import { type ComponentType, lazy } from 'react';
import type { IconName } from '../components/Icon';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import type { PageProps } from '../lib/useRoute';

// Only the board is in the first chunk (the first screen; its compile is most of a cold first paint,
// docs/performance.md); every other page (the table, charts, the import wizard, forms) is its own chunk,
// loaded when it is first opened.
const ConnectsPage = lazy(() => import('../features/connects/ConnectsPage').then((m) => ({ default: m.ConnectsPage })));
const CostsPage = lazy(() => import('../features/costs/CostsPage').then((m) => ({ default: m.CostsPage })));
const FollowUpsPage = lazy(() =>
  import('../features/follow-ups/FollowUpsPage').then((m) => ({ default: m.FollowUpsPage })),
);
const ImportPage = lazy(() => import('../features/import-export/ImportPage').then((m) => ({ default: m.ImportPage })));
const LeadsPage = lazy(() => import('../features/leads/LeadsPage').then((m) => ({ default: m.LeadsPage })));
const LeadPage = lazy(() => import('../features/leads/LeadPage').then((m) => ({ default: m.LeadPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const SourcesPage = lazy(() => import('../features/sources/SourcesPage').then((m) => ({ default: m.SourcesPage })));
const ClientPage = lazy(() => import('../features/clients/ClientPage').then((m) => ({ default: m.ClientPage })));
const ClientsPage = lazy(() => import('../features/clients/ClientsPage').then((m) => ({ default: m.ClientsPage })));
const ToAssignPage = lazy(() => import('../features/clients/ToAssignPage').then((m) => ({ default: m.ToAssignPage })));
export type PageDef = {
  id: string;
  title: string;
  nav: boolean;
  component: ComponentType<PageProps>;
  icon?: IconName;
  /** The sidebar entry highlighted for a page that is not in the sidebar. */
  navParent?: string;
};

/** Every screen, in sidebar order; a feature adds its page here (one entry). */
export const pages: PageDef[] = [
  { id: 'pipeline', title: 'Pipeline', nav: true, component: PipelinePage, icon: 'board' },
  { id: 'leads', title: 'Leads', nav: true, component: LeadsPage, icon: 'list' },
  { id: 'follow-ups', title: 'Follow-ups', nav: true, component: FollowUpsPage, icon: 'bell' },
  { id: 'sources', title: 'Channels', nav: true, component: SourcesPage, icon: 'channels' },
  { id: 'clients', title: 'Clients', nav: true, component: ClientsPage, icon: 'users' },
  { id: 'reports', title: 'Reports', nav: true, component: ReportsPage, icon: 'chart' },
  { id: 'costs', title: 'Costs', nav: true, component: CostsPage, icon: 'receipt' },
  { id: 'to-assign', title: 'To assign', nav: true, component: ToAssignPage, icon: 'inbox' },
  { id: 'connects', title: 'Connects', nav: true, component: ConnectsPage, icon: 'bolt' },
  { id: 'import', title: 'Import', nav: true, component: ImportPage, icon: 'upload' },
  { id: 'settings', title: 'Settings', nav: true, component: SettingsPage, icon: 'gear' },
  { id: 'lead', title: 'Lead', nav: false, component: LeadPage, navParent: 'leads' },
  { id: 'client', title: 'Client', nav: false, component: ClientPage, navParent: 'clients' },
];
