// What a page-view stub uses to fetch its panel on first use. Kept tiny: it is on every page.
//
// Installed as gadgets, the panel is the hidden module ext.gadget.<name>-panel, and its
// dependencies come with it. Loaded from a user's common.js instead, that module is not
// registered: the stub loads the panel page's raw script from wherever the stub itself came from,
// and the panel loads its own dependencies (see whenPanelReady). Either way the panel announces
// itself on an mw.hook, which remembers the call, so the order of arrival does not matter.

/** Followed by the gadget's name: the hook a panel fires with its open function once it has run. */
export const panelHookPrefix = 'accountGadgets.panel.';

// Read while the stub's own code runs: document.currentScript is gone afterwards.
const stubSource = ( document.currentScript as HTMLScriptElement | null || { src: '' } ).src;

/**
 * Loads a gadget's panel and resolves with what the panel handed to its hook.
 *
 * @param name the gadget's name, e.g. 'email-user'
 */
export function loadPanel<T>( name: string ): Promise<T> {
	return new Promise<T>( ( resolve, reject ) => {
		mw.hook( panelHookPrefix + name ).add( resolve );
		const module = 'ext.gadget.' + name + '-panel';
		( mw.loader.getState( module ) ?
			mw.loader.using( module ) :
			// The stub came from …?title=MediaWiki:Gadget-<name>.js&action=raw: the panel is beside it,
			// as MediaWiki:Gadget-<name>-panel.js.
			mw.loader.getScript( stubSource.replace( /(title=[^&]*)\.js/, '$1-panel.js' ) )
		).then( null, reject );
	} );
}
