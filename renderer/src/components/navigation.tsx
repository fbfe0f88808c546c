import { createContext, useContext } from 'react';

/** Lets any screen switch screens (e.g. an empty state's "Import a log" button). */
export const NavigationContext = createContext<(screenId: string) => void>(() => undefined);

export function useNavigate(): (screenId: string) => void {
  return useContext(NavigationContext);
}
