import type { Ability } from '@shared/abilities.ts';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { requireAbility } from './RequireAbility.tsx';

/** An entry of the side menu. */
export interface MenuEntry {
  /** The page address, e.g. "/workbench". */
  path: string;
  label: string;
  icon?: ReactNode;
  /** Shown only to users holding one of these abilities of /api/me (all users when absent). */
  abilities?: Ability[];
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

/**
 * A route whose page module is loaded only when it is first visited (its default export). With
 * abilities, a user holding none of them gets the "no access" page instead (reached by a typed
 * address or an old link), and the page never asks the API for what it would be refused.
 */
export function lazyPage(
  load: () => Promise<{ default: React.ComponentType }>,
  abilities?: Ability[],
): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = (await load()).default;
      return { Component: abilities ? requireAbility(Page, abilities) : Page };
    },
  };
}
