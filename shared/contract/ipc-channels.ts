/**
 * Electron IPC channel names. Both carry the same frames as the WebSocket
 * transport (see wire.ts), one message channel each way, so replies and events
 * keep their order exactly as they do on a socket.
 */
export const IPC_CHANNELS = {
  /** renderer → main (`ipcRenderer.send`): a ClientFrame. */
  toMain: 'tapedeck:client-frame',
  /**
   * renderer → main, sent once by the preload as each new document starts:
   * the previous document's session (and its subscriptions) ends here, in
   * order with the frames that follow, whatever way the page was (re)loaded.
   */
  hello: 'tapedeck:hello',
  /** main → renderer (`webContents.send`): a ServerFrame (reply, event or error). */
  toRenderer: 'tapedeck:server-frame',
} as const;
