// How a panel module starts: after its ResourceLoader dependencies, which the gadget definition
// already loaded, or which this loads itself when the panel came from a user's common.js.
import { panelHookPrefix } from './loader';

declare const PANEL_DEPENDENCIES: string[];

/**
 * Runs `start` once the panel's dependencies are there, and hands what it returns to the stub.
 *
 * @param name the gadget's name
 * @param start sets the panel up and returns its open function
 */
export function whenPanelReady<T>( name: string, start: () => T ): void {
	mw.loader.using( PANEL_DEPENDENCIES ).then( () => {
		mw.hook( panelHookPrefix + name ).fire( start() );
	} );
}
