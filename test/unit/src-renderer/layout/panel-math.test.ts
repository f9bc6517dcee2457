import { describe, expect, it } from 'vitest';
import { panelSizesSchema } from '../../../../shared/chart/panel-sizes-settings';
import { clampPanel, draggedPanels, INITIAL_PANELS, isCollapsed, shownSizes, toggledPanel } from '../../../../src-renderer/layout/panel-math';

describe('panel sizes', () => {
  it('clamps to the bounds the settings accept', () => {
    expect(clampPanel('leftWidth', 10)).toBe(160);
    expect(clampPanel('leftWidth', 300.6)).toBe(301);
    expect(clampPanel('bottomHeight', 5_000)).toBe(900);
    expect(panelSizesSchema.safeParse({ ...INITIAL_PANELS, leftWidth: clampPanel('leftWidth', 9_999) }).success).toBe(true);
    expect(panelSizesSchema.safeParse({ ...INITIAL_PANELS, leftWidth: 9_999 }).success).toBe(false);
  });

  it('follows a drag: the left column grows to the right, the right column and the bottom panel the other way', () => {
    expect(draggedPanels(INITIAL_PANELS, 'leftWidth', 232, 40, 1).leftWidth).toBe(272);
    expect(draggedPanels(INITIAL_PANELS, 'rightWidth', 272, 40, -1).rightWidth).toBe(232);
    expect(draggedPanels(INITIAL_PANELS, 'bottomHeight', 260, -100, -1).bottomHeight).toBe(360);
    expect(draggedPanels(INITIAL_PANELS, 'bottomHeight', 260, 1_000, -1).bottomHeight).toBe(120);
    expect(draggedPanels(INITIAL_PANELS, 'leftWidth', 232, 0, 1)).toBe(INITIAL_PANELS);
  });

  it('collapses and opens; a drag opens a collapsed panel; collapsed panels take no room', () => {
    const closed = toggledPanel(INITIAL_PANELS, 'bottomHeight');
    expect(isCollapsed(closed, 'bottomHeight')).toBe(true);
    expect(shownSizes(closed)).toEqual({ left: 232, right: 272, bottom: 0 });
    expect(isCollapsed(toggledPanel(closed, 'bottomHeight'), 'bottomHeight')).toBe(false);
    const dragged = draggedPanels(closed, 'bottomHeight', 0, -200, -1);
    expect(dragged).toMatchObject({ bottomHeight: 200, bottomCollapsed: false });
  });
});
