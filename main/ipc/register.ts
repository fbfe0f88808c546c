import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { INVOKE_CHANNELS, ipcInvokeName } from '../../preload/contract';
import { isTrustedRendererUrl } from '../security-policy';
import { dispatch } from './dispatch';
import type { Handlers } from './types';

/** Registers the handler table on Electron's ipcMain: check the sender, then zod-parse and call (dispatch). */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  window: () => WebContents | null,
  rendererUrl: string,
): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(ipcInvokeName(channel), (event: IpcMainInvokeEvent, payload: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (event.sender !== window() || !isTrustedRendererUrl(frameUrl, rendererUrl)) {
        throw new Error(`Rejected ${channel} from an untrusted sender`);
      }
      return dispatch(handlers, channel, payload);
    });
  }
}
