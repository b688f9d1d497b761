// What a page-view stub uses to fetch its panel on first use. Kept tiny: it is on every page.
//
// The panel's code comes from the hidden gadget module ext.gadget.<name>-panel, or, in the
// user-script build, from a file next to the loader (see src/user-script/loader.ts). The panel
// announces itself on an mw.hook, which remembers the call, so it does not matter whether the
// stub listens before or after the panel has run.
import type { UserScripts } from '../user-script/loader';

/** Set by the build: true in the user-script build, where the wiki may not have our gadgets. */
declare const ACCOUNT_GADGETS_USER_SCRIPT: boolean;

/** Followed by the gadget's name: the hook a panel fires with its open function once it has run. */
export const panelHookPrefix = 'accountGadgets.panel.';

/**
 * Runs a stub's init once per page, after mediawiki.util and the DOM are ready. A stub can be
 * loaded twice (switched on as a gadget and also from common.js, see src/user-script/); the
 * flag, set on window, makes the second do nothing, and tells tests that the stub has run.
 *
 * @param flag property of window, e.g. 'accountGadgetsEmailUser'
 * @param init
 */
export function startOnce( flag: string, init: () => void ): void {
	const flags = window as unknown as Record<string, boolean>;
	if ( !flags[ flag ] ) {
		flags[ flag ] = true;
		mw.loader.using( 'mediawiki.util', () => {
			$( init );
		} );
	}
}

/**
 * Loads a gadget's panel module and resolves with what the panel handed to its hook.
 *
 * @param name the gadget's name, e.g. 'email-user'
 */
export function loadPanel<T>( name: string ): Promise<T> {
	return new Promise<T>( ( resolve, reject ) => {
		mw.hook( panelHookPrefix + name ).add( resolve );
		// A constant: minifying keeps one branch in the stubs (a function here would cost each of them bytes).
		( ACCOUNT_GADGETS_USER_SCRIPT ?
			( window as unknown as { accountGadgetsScripts: UserScripts } ).accountGadgetsScripts.panel( name ) :
			mw.loader.using( 'ext.gadget.' + name + '-panel' )
		).then( null, reject );
	} );
}

/** What a click says of its button and modifier keys (a DOM or a jQuery event). */
interface ClickLike {
	button: number;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
}

/**
 * Whether a click is a plain one: middle-click and modified clicks (a new tab, a new window) keep
 * their meaning.
 *
 * @param event
 */
export function isPlainClick( event: ClickLike ): boolean {
	return !( event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey );
}

/**
 * Makes a plain link open a panel instead. Middle-click and modified clicks keep their meaning
 * (the link's own page, e.g. in a new tab); if the panel cannot be loaded, the link is followed.
 *
 * @param link an <a> whose href is the special page the panel stands in for
 * @param name the gadget whose panel opens
 * @param use what to do with what the panel handed to its hook (usually: open it)
 */
export function openPanelOnClick<T>( link: Element | null, name: string, use: ( panel: T ) => void ): void {
	$( link || [] ).on( 'click', ( event ) => {
		if ( !isPlainClick( event ) ) {
			return;
		}
		// Without Promise (Internet Explorer 11 on 1.39) loadPanel throws before preventDefault,
		// and the link opens its special page as usual.
		loadPanel<T>( name ).then( use, () => {
			location.href = ( link as HTMLAnchorElement ).href;
		} );
		event.preventDefault();
	} );
}
