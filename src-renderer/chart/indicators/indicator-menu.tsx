import { useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { CHART_INDICATOR_KINDS, defaultIndicator, indicatorLabel, MAX_PANE_INDICATORS, type ChartIndicator } from '../../../shared/chart/chart-indicator-settings';
import { useAppStores } from '../../app/app-context';
import { useLayoutActions } from '../../layout/use-layout-actions';
import { editField, fieldsOf, fieldText, type IndicatorField } from './indicator-fields';
import { INDICATOR_COLORS } from './indicator-plots';

const NONE: readonly ChartIndicator[] = [];

interface ParamInputProps {
  readonly list: readonly ChartIndicator[];
  readonly index: number;
  readonly field: IndicatorField;
  readonly onList: (list: readonly ChartIndicator[]) => void;
}

/** One parameter: applied as soon as it is valid, marked (with the reason as its title) while it is not. */
function ParamInput({ list, index, field, onList }: ParamInputProps): ReactElement {
  const ind = list[index];
  const [text, setText] = useState(ind === undefined ? '' : fieldText(ind, field.name));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <label className="indicator-param">
      <span className="field-label">{field.label}</span>
      <input
        className="input num"
        type="number"
        step={field.step}
        value={text}
        aria-invalid={problem !== null}
        title={problem ?? undefined}
        data-testid={`indicator-${String(index)}-${field.name}`}
        onChange={(e) => {
          setText(e.target.value);
          const edit = editField(list, index, field.name, e.target.value);
          setProblem(edit.ok ? null : edit.message);
          if (edit.ok) onList(edit.list);
        }}
      />
    </label>
  );
}

export interface IndicatorMenuProps {
  /** The pane whose indicators are edited. */
  readonly index: number;
  readonly onClose: () => void;
}

/** A pane's indicators: each with its parameters and a remove button, and a button per kind to add one. Kept in chartLayout. */
export function IndicatorMenu({ index, onClose }: IndicatorMenuProps): ReactElement {
  const stores = useAppStores();
  const actions = useLayoutActions();
  const list = useStore(stores.chartLayout, (s) => s.value?.panes[index]?.indicators ?? NONE);
  const setList = (next: readonly ChartIndicator[]): void => {
    actions.setIndicators(index, next);
  };
  const full = list.length >= MAX_PANE_INDICATORS;

  return (
    <div className="pane-popover indicator-menu" role="dialog" aria-label="Indicators" data-testid="indicator-menu">
      <header className="pane-popover-header">
        <span className="panel-title">Indicators</span>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {list.length === 0 && <p className="muted indicator-empty">None yet: add one below.</p>}
      <ul className="indicator-list">
        {list.map((ind, i) => (
          <li key={`${String(i)}-${ind.kind}`} className="indicator-row" data-testid="indicator-row" data-kind={ind.kind}>
            <span className="indicator-swatch" style={{ background: INDICATOR_COLORS[i % INDICATOR_COLORS.length] }} />
            <span className="indicator-name num">{indicatorLabel(ind)}</span>
            {fieldsOf(ind.kind).map((field) => (
              <ParamInput key={`${String(list.length)}-${field.name}`} list={list} index={i} field={field} onList={setList} />
            ))}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${indicatorLabel(ind)}`}
              data-testid={`indicator-remove-${String(i)}`}
              onClick={() => {
                setList(list.filter((_, j) => j !== i));
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="indicator-add" role="group" aria-label="Add an indicator">
        {CHART_INDICATOR_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button indicator-add-button"
            disabled={full}
            data-testid={`indicator-add-${kind}`}
            onClick={() => {
              setList([...list, defaultIndicator(kind)]);
            }}
          >
            + {kind.toUpperCase()}
          </button>
        ))}
      </div>
    </div>
  );
}
