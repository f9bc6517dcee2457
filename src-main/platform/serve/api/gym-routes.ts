import type { ApiRoute } from './api-route';

/** The gym as JSON over HTTP, for agents that do not speak the WebSocket contract. */
export const GYM_ROUTES: readonly ApiRoute[] = [
  { verb: 'POST', path: '/api/gym/sessions', method: 'gym.create', summary: 'Starts a gym session over a series with indicators', body: true, status: 201, params: ({ body }) => body },
  { verb: 'GET', path: '/api/gym/sessions/:id/state', method: 'gym.state', summary: 'The last closed bar, indicators and wallet (does not advance)', body: false, params: ({ path }) => ({ id: path['id'] }) },
  { verb: 'POST', path: '/api/gym/sessions/:id/action', method: 'gym.act', summary: 'BUY, SELL or HOLD; fills at the next open and reveals that bar', body: true, params: ({ path, body }) => ({ ...body, id: path['id'] }) },
  { verb: 'DELETE', path: '/api/gym/sessions/:id', method: 'gym.close', summary: 'Ends a session', body: false, params: ({ path }) => ({ id: path['id'] }) },
];
