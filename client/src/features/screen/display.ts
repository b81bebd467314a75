import { createContext, useContext } from 'react';
import type { DisplaySession } from '@scoreboard/shared';

/** The display link a wall screen runs on (SPEC §16); null on a person's own /screen. */
export const DisplayContext = createContext<DisplaySession | null>(null);
export const useDisplay = (): DisplaySession | null => useContext(DisplayContext);
