import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/** An entry of the side menu. */
export interface MenuEntry {
  /** The page address, e.g. "/workbench". */
  path: string;
  label: string;
  icon?: ReactNode;
  /** Shown only to users with one of these roles (all users when absent). */
  roles?: string[];
  /** Sort key within the menu (smaller first). */
  order: number;
  /** 'system': listed under the 管理与设置 submenu rather than at the top level. */
  group?: 'system';
  /** A badge count to show beside the label (e.g. items waiting), loaded by the layout. */
  badge?: 'review' | 'workbench';
}

/** A part of the app: its pages (under the signed-in layout) and its menu entries. */
export interface Area {
  routes: RouteObject[];
  menu: MenuEntry[];
}

/** A route whose page module is loaded only when it is first visited (its default export). */
export function lazyPage(load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}
