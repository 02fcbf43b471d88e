import type { ComponentType } from 'react';
import type { IconName } from '../components/Icon';
import { ConnectsPage } from '../features/connects/ConnectsPage';
import { CostsPage } from '../features/costs/CostsPage';
import { FollowUpsPage } from '../features/follow-ups/FollowUpsPage';
import { ImportPage } from '../features/import-export/ImportPage';
import { LeadPage } from '../features/leads/LeadPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SourcesPage } from '../features/sources/SourcesPage';
import { ClientPage } from '../features/clients/ClientPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { ToAssignPage } from '../features/clients/ToAssignPage';
import type { Route } from './useRoute';

export type PageProps = { route: Route };
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
  { id: 'clients', title: 'Clients', nav: true, component: ClientsPage, icon: 'list' },
  { id: 'reports', title: 'Reports', nav: true, component: ReportsPage, icon: 'chart' },
  { id: 'costs', title: 'Costs', nav: true, component: CostsPage, icon: 'coins' },
  { id: 'to-assign', title: 'To assign', nav: true, component: ToAssignPage, icon: 'coins' },
  { id: 'connects', title: 'Connects', nav: true, component: ConnectsPage, icon: 'coins' },
  { id: 'import', title: 'Import', nav: true, component: ImportPage, icon: 'upload' },
  { id: 'settings', title: 'Settings', nav: true, component: SettingsPage, icon: 'gear' },
  { id: 'lead', title: 'Lead', nav: false, component: LeadPage, navParent: 'leads' },
  { id: 'client', title: 'Client', nav: false, component: ClientPage, navParent: 'clients' },
];
