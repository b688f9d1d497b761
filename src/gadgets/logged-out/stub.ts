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
const login = '#pt-login-2,#pt-login,.vector-user-menu-login,.menu__item--login';

/** Which existing links open which panel (the panel's gadget name). */
const entries: [ string, string ][] = [
	[ login, 'login' ],
	[ '#pt-createaccount-2,#pt-createaccount,.vector-user-menu-create-account,.menu__item--createaccount', 'create-account' ]
];

/**
 * "Forgot your password?" beside one "Log in": a copy of its entry (the list item, or the bare
 * link of 1.43's temporary-account banner) without what makes it "Log in" (id, access key,
 * classes and icon), so that every skin styles it alike, Minerva's menu included.
 *
 * @param element a "Log in" that the login selector found
 * @param text
 */
function addResetLink( element: Element, text: string ): void {
	const parent = element.parentElement as Element;
	const entry = element.tagName === 'A' && parent.tagName === 'LI' ? parent : element;
	const $copy = $( entry ).clone();
	$copy.find( '*' ).addBack().removeAttr( 'id accesskey title data-event-name' )
		.attr( 'class', ( _, value ) => value && value.replace( /\S*log-?in\S*/gi, '' ) );
	const $link = $copy.is( 'a' ) ? $copy : $copy.find( 'a' );
	const $label = $link.find( 'span' ).last();
	( $label.length ? $label : $link ).text( text );
	$link.attr( 'href', mw.config.get( 'wgScript' ) + '?title=Special:PasswordReset' );
	$copy.insertAfter( entry );
	openPanelOnClick<() => void>( $link[ 0 ], 'password-reset', ( open ) => open() );
}

function init(): void {
	entries.forEach( ( entry ) => {
		// The link itself: skins put the id on the list item, or on the link.
		$( entry[ 0 ] ).find( 'a' ).addBack( 'a' ).each( ( _, link ) => {
			// Each panel opened from here is for oneself ('self'; the login panel ignores it).
			openPanelOnClick<( how: string ) => void>( link, entry[ 1 ], ( open ) => open( 'self' ) );
		} );
	} );
	withLabels( labels, ( texts ) => {
		$( login ).each( ( _, element ) => addResetLink( element, texts[ 'link-forgot' ] ) );
		// Tells tests (and anyone curious) that the links are in place.
		( window as unknown as Record<string, boolean> ).accountGadgetsLoggedOut = true;
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
