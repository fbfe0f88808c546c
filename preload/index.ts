import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createApi } from './api';
import { ipcEventName, ipcInvokeName } from './channels';

// Named functions only: the renderer never sees ipcRenderer itself.
const api = createApi(
  (channel, input) => ipcRenderer.invoke(ipcInvokeName(channel), input),
  (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(ipcEventName(event), wrapped);
    return () => ipcRenderer.removeListener(ipcEventName(event), wrapped);
  },
  // File.path is gone under contextIsolation (Electron >= 32): the preload asks webUtils for a dropped file's path.
  (file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
);

contextBridge.exposeInMainWorld('netwhy', api);
