import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi } from './api';
import { ipcEventName, ipcInvokeName } from './contract';

// Named functions only: the renderer never sees ipcRenderer itself.
const api = createApi(
  (channel, input) => ipcRenderer.invoke(ipcInvokeName(channel), input),
  (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(ipcEventName(event), wrapped);
    return () => ipcRenderer.removeListener(ipcEventName(event), wrapped);
  },
);

contextBridge.exposeInMainWorld('netwhy', api);
