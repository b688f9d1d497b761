// The one page-view stub for readers who are not logged in (and, on 1.43+, people editing under a
// temporary account): every logged-out entry point ("Log in", "Create account", "Forgot your
// password?") opens its panel in the page. A default gadget, so it loads for
// every reader: it depends on nothing, asks nothing, and loads a panel only when a link is used.
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

const resetLabels: Record<string, string> = {
	en: 'Forgot your password?',
	ru: 'Забыли пароль?',
	uk: 'Забули пароль?',
	tr: 'Parolanızı mı unuttunuz?'
};

/** The link itself: skins put the id on the list item, or on the link. */
function anchorOf( element: Element ): Element | null {
	return element.tagName === 'A' ? element : element.querySelector( 'a' );
}

function init(): void {
	entries.forEach( ( [ selector, panel ] ) => {
		$( selector ).each( ( _, element ) => {
			// Each panel opened from here is for oneself ('self'; the login panel ignores it).
			openPanelOnClick<( how: string ) => void>( anchorOf( element ), panel, ( open ) => open( 'self' ) );
		} );
	} );
	// "Forgot your password?" beside each "Log in", a sibling of the same kind so that the
	// skin styles it alike.
	const text = resetLabels[ mw.config.get( 'wgUserLanguage' ) ] || resetLabels.en;
	$( login ).each( ( _, element ) => {
		const $link = $( '<a>' ).attr( 'href', mw.config.get( 'wgScript' ) + '?title=Special:PasswordReset' ).text( text );
		if ( element.tagName === 'A' ) {
			// A bare link (1.43's banner buttons, Minerva's menu): styled like it, without the
			// classes that make it "Log in" (Minerva's icon).
			$link.addClass( element.className.replace( /\S*login\S*/g, '' ) ).insertAfter( element );
		} else {
			$( document.createElement( element.tagName ) ).addClass( element.className ).append( $link ).insertAfter( element );
		}
		openPanelOnClick<() => void>( $link[ 0 ], 'password-reset', ( open ) => open() );
	} );
	// A temporary account on a user's page gets "Email this user" from the email-user stub (its
	// `sendemail` right only stops it loading by itself): the panel says that email needs an
	// account, and offers the sign-up panel.
	if ( mw.config.get( 'wgUserIsTemp' ) && mw.config.get( 'wgRelevantUserName' ) ) {
		mw.loader.load( 'ext.gadget.email-user' );
	}
	// Tells tests (and anyone curious) that the links are in place.
	( window as unknown as Record<string, boolean> ).accountGadgetsLoggedOut = true;
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
