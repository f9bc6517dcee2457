import { createStore } from 'zustand/vanilla';

/** A drawing tool: the next press on the pane places a drawing of this kind. */
export type DrawingTool = 'hline' | 'vline' | 'rect';
/** A pane's small menus. */
export type PaneMenu = 'indicators' | 'levels';

export interface PaneToolsState {
  /** The tool armed on each pane (by pane index). */
  readonly tools: Readonly<Partial<Record<number, DrawingTool>>>;
  /** The menu open on each pane. */
  readonly menus: Readonly<Partial<Record<number, PaneMenu>>>;
  /** Arms `tool` on `pane` (null disarms; arming the armed tool disarms it). */
  readonly arm: (pane: number, tool: DrawingTool | null) => void;
  /** Opens `menu` on `pane` (null closes; opening the open menu closes it). */
  readonly toggleMenu: (pane: number, menu: PaneMenu | null) => void;
}

/** What each pane's tool strip has armed or open (the renderer's one window). */
export const paneTools = createStore<PaneToolsState>()((set, get) => ({
  tools: {},
  menus: {},
  arm: (pane, tool) => {
    const next = tool === null || get().tools[pane] === tool ? undefined : tool;
    set({ tools: { ...get().tools, [pane]: next } });
  },
  toggleMenu: (pane, menu) => {
    const next = menu === null || get().menus[pane] === menu ? undefined : menu;
    set({ menus: { ...get().menus, [pane]: next } });
  },
}));
