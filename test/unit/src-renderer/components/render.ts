import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { AppContext } from '../../../../src-renderer/app/app-context';
import { createAppStores, startAppStores, type AppStores } from '../../../../src-renderer/app/app-stores';
import type { Settings } from '../../../../shared/contract';
import { fakeClient, type FakeClient } from '../fakes';
import { settingsWith } from '../settings-fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  readonly container: HTMLElement;
  readonly stores: AppStores;
  rerender(element: ReactElement): Promise<void>;
  unmount(): Promise<void>;
}

/** Renders `element` below the app's context (stores on `client`, started) into a happy-dom document. */
export async function render(element: ReactElement, client: FakeClient): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const stores = createAppStores(client);
  const stop = startAppStores(stores);
  const root: Root = createRoot(container);
  const wrap = (e: ReactElement): ReactElement => createElement(AppContext, { value: { client, stores } }, e);
  await act(async () => {
    root.render(wrap(element));
    await Promise.resolve();
  });
  return {
    container,
    stores,
    rerender: async (next) => {
      await act(async () => {
        root.render(wrap(next));
        await Promise.resolve();
      });
    },
    unmount: async () => {
      await act(async () => {
        root.unmount();
        await Promise.resolve();
      });
      stop();
      container.remove();
    },
  };
}

/** A client that answers the app's start-up reads: the settings (default ones), an empty feed list. */
export function appClient(settings: Settings = settingsWith({})): FakeClient {
  const client = fakeClient();
  client.answer((method) => (method === 'settings.get' || method === 'settings.set' ? settings : method === 'feeds.list' ? [] : {}));
  return client;
}
