/**
 * Electron IPC channel names. Both carry the same frames as the WebSocket
 * transport (see wire.ts), one message channel each way, so replies and events
 * keep their order exactly as they do on a socket.
 */
export const IPC_CHANNELS = {
  /** renderer → main (`ipcRenderer.send`): a ClientFrame. */
  toMain: 'tapedeck:client-frame',
  /** main → renderer (`webContents.send`): a ServerFrame (reply, event or error). */
  toRenderer: 'tapedeck:server-frame',
} as const;
