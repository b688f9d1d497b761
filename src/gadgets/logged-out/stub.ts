// The one page-view stub for readers who are not logged in (and, on 1.43+, people editing under a
// temporary account): every logged-out entry point ("Log in", "Create account", "Forgot your
// password?") opens its panel in the page. A default gadget, so it loads for
// every reader: it depends on nothing, asks nothing, and loads a panel only when a link is used.
import labels from 'labels:./i18n';
import { withLabels } from '../../lib/labels';
import { loadPanel, openPanelOnClick } from '../../lib/loader';
import { resumeKey } from '../../lib/authmanager';

// Where the skins put "Log in" and "Create account": 1.43's Vector 2022 has two of each, 1.39's
// menu entries, Minerva links in its main menu; 1.43's temporary-account banner has bare links
// with the same ids.
const login = '#pt-login-2, #pt-login, .vector-user-menu-login, .menu__item--login';

/** Which existing links open which panel (the panel's gadget name). */
const entries: [ string, string ][] = [
	[ login, 'login' ],
	[ '#pt-createaccount-2, #pt-createaccount, .vector-user-menu-create-account, .menu__item--createaccount', 'create-account' ]
];

/** The link itself: skins put the id on the list item, or on the link. */
function anchorOf( element: Element ): Element | null {
	return element.tagName === 'A' ? element : element.querySelector( 'a' );
}

/**
 * "Forgot your password?" beside one "Log in", a sibling of the same kind so that the skin
 * styles it alike.
 *
 * @param element a "Log in" that the login selector found
 * @param text
 * @return when the link is there, if that is later
 */
function addResetLink( element: Element, text: string ): JQuery.Promise<unknown> | void {
	const href = mw.config.get( 'wgScript' ) + '?title=Special:PasswordReset';
	const item = element.parentElement as Element;
	let link: Element;
	if ( element.tagName !== 'A' ) {
		link = $( '<a>' ).attr( 'href', href ).text( text )[ 0 ];
		$( document.createElement( element.tagName ) ).addClass( element.className ).append( link ).insertAfter( element );
	} else if ( item.tagName === 'LI' && item.parentElement && item.parentElement.id ) {
		// A menu entry (Minerva's main menu): added the skin's way, icon space and all. Minerva
		// loads mediawiki.util itself, so this costs no request.
		return mw.loader.using( 'mediawiki.util' ).then( () => {
			const added = mw.util.addPortletLink( ( item.parentElement as Element ).id, href, text, 'pt-passwordreset', undefined, undefined, ( item.nextElementSibling as HTMLElement ) || undefined );
			openPanelOnClick<() => void>( added && added.querySelector( 'a' ), 'password-reset', ( open ) => open() );
		} );
	} else {
		// A bare link (1.43's banner buttons): styled like it, without the classes that make it "Log in".
		link = $( '<a>' ).attr( 'href', href ).text( text ).addClass( element.className.replace( /\S*login\S*/g, '' ) ).insertAfter( element )[ 0 ];
	}
	openPanelOnClick<() => void>( link, 'password-reset', ( open ) => open() );
}

function init(): void {
	entries.forEach( ( [ selector, panel ] ) => {
		$( selector ).each( ( _, element ) => {
			// Each panel opened from here is for oneself ('self'; the login panel ignores it).
			openPanelOnClick<( how: string ) => void>( anchorOf( element ), panel, ( open ) => open( 'self' ) );
		} );
	} );
	withLabels( labels, ( texts ) => {
		const added = $( login ).map( ( _, element ) => addResetLink( element, texts[ 'link-forgot' ] ) ).get();
		// Tells tests (and anyone curious) that the links are in place.
		$.when( ...added ).then( () => {
			( window as unknown as Record<string, boolean> ).accountGadgetsLoggedOut = true;
		} );
	} );
	// A temporary account on a user's page gets "Email this user" from the email-user stub (its
	// `sendemail` right only stops it loading by itself): the panel says that email needs an
	// account, and offers the sign-up panel.
	if ( mw.config.get( 'wgUserIsTemp' ) && mw.config.get( 'wgRelevantUserName' ) ) {
		mw.loader.load( 'ext.gadget.email-user' );
	}
	try {
		// Back from a provider that took the browser elsewhere: the panel that sent it there goes on.
		// (Not mw.storage: the stub loads no module on page views.)
		// eslint-disable-next-line mediawiki/no-storage
		const resume = sessionStorage.getItem( resumeKey );
		if ( resume ) {
			loadPanel<( how: 'resume' ) => void>( resume ).then( ( open ) => open( 'resume' ) );
		}
	} catch {}
}

// Only readers who are not logged in, and (1.43+) people editing under a temporary account, who
// have a name but no password: neither has a common.js, so nothing can load this twice. The
// config variable is what mw.user.isTemp() reads; 1.39 has neither.
if ( !mw.config.get( 'wgUserName' ) || mw.config.get( 'wgUserIsTemp' ) ) {
	$( init );
}
