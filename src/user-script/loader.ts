// The user-script route: the one file that a line in Special:MyPage/common.js loads, on any wiki
// that allows user scripts, whether or not its admins installed the gadgets:
//
//   mw.loader.load( 'https://central.example/w/index.php?title=User:Someone/account-gadgets.js&action=raw&ctype=text/javascript' );
//
// It loads the chosen tools' page-view stubs (all of them by default, as one file; or those named
// in `&tools=email-user,password-check` at the end of that address) from the same place, after
// their MediaWiki dependencies from the wiki being used. Panels come from the same place on first
// use (see src/lib/loader.ts); every API request goes to the wiki being used.

/** What the stubs and panels of this route need to know, on window.accountGadgetsScripts. */
export interface UserScripts {
	/** Address of one of our files, e.g. url( 'email-user-panel' ). */
	url: ( file: string ) => string;
	/** Loads a gadget's panel, once per page: its file loads its MediaWiki dependencies itself. */
	panel: ( name: string ) => JQuery.Promise<unknown>;
}

/**
 * MediaWiki dependencies of each stub, from their definitions, by tool: every tool a person can
 * choose (the stubs that logged-in users get), and 'all'. Set by the build.
 */
declare const ACCOUNT_GADGETS_DEPENDENCIES: Record<string, string[]>;

const script = document.currentScript as HTMLScriptElement | null;
const own = script ? script.src : '';
const global = window as unknown as { accountGadgetsScripts?: UserScripts };

if ( !own ) {
	mw.log.warn( 'account-gadgets: load account-gadgets.js with mw.loader.load( url ), so that it knows where its files are.' );
} else if ( !global.accountGadgetsScripts ) {
	// The files sit side by side: account-gadgets-<file>.js next to account-gadgets.js, on a wiki
	// (as a user's subpages) or any static host.
	const url = ( file: string ): string => own.replace( /account-gadgets\.js/, 'account-gadgets-' + file + '.js' );
	const panels: Record<string, JQuery.Promise<unknown>> = {};
	global.accountGadgetsScripts = {
		url,
		panel: ( name ) => {
			panels[ name ] = panels[ name ] || mw.loader.getScript( url( name + '-panel' ) );
			return panels[ name ];
		}
	};
	const chosen = /[?&]tools=([^&#]*)/.exec( own );
	const tools = chosen ?
		decodeURIComponent( chosen[ 1 ] ).split( ',' )
			.filter( ( tool ) => Object.prototype.hasOwnProperty.call( ACCOUNT_GADGETS_DEPENDENCIES, tool ) ) :
		[ 'all' ];
	tools.forEach( ( tool ) => {
		mw.loader.using( ACCOUNT_GADGETS_DEPENDENCIES[ tool ] ).then( () => mw.loader.load( url( tool ) ) );
	} );
}
