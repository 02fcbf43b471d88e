import type { ComponentType } from 'react';
import type { Route } from './useRoute';

export type PageProps = { route: Route };
export type PageDef = { id: string; title: string; nav: boolean; component: ComponentType<PageProps> };

/** Every screen; a feature adds its page here. */
export const pages: PageDef[] = [];
