// How a panel module starts: ResourceLoader has loaded its dependencies by then; it sets itself
// up and hands its open function to the stub that asked for it (see loader.ts).
import { panelHookPrefix } from './loader';

/**
 * @param name the gadget's name
 * @param start sets the panel up and returns what the stub receives (usually its open function)
 */
export function whenPanelReady<T>( name: string, start: () => T ): void {
	mw.hook( panelHookPrefix + name ).fire( start() );
}
