import type { NetwhyApi } from '../../preload/contract';

declare global {
  interface Window {
    netwhy: NetwhyApi;
  }
}

/** The preload's named functions (typed from preload/contract.ts). */
export const netwhy: NetwhyApi = window.netwhy;
