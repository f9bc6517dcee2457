import type { ClientFrame, EventFrame, ReplyFrame } from './wire';

/**
 * What a transport offers the renderer client: send a frame and get its reply,
 * and receive event frames. The Electron preload exposes exactly this as
 * `window.tapedeck`; the WebSocket transport implements it over a socket.
 */
export interface FrameTransport {
  readonly kind: 'ipc' | 'websocket';
  /** Resolves with the reply, or (given `timeoutMs`) a TIMEOUT error reply when none came in time. */
  request(frame: ClientFrame, timeoutMs?: number): Promise<ReplyFrame>;
  /** Returns the function that removes the listener. */
  onEvent(listener: (frame: EventFrame) => void): () => void;
}

/** Name of the global the preload defines with contextBridge. */
export const BRIDGE_GLOBAL = 'tapedeck';
