// The one page-view stub for readers who are not logged in (and, on 1.43+, people editing under a
// temporary account): every link to the login, sign-up or password-reset page opens its panel in
// the page instead, wherever it is (the skin's menus, the edit notice, DiscussionTools' prompts,
// page content). A default gadget, so it loads for every reader: it depends on nothing, asks
// nothing, and loads a panel only when such a link is used.
import labels from 'labels:./i18n';
import { withLabels } from '../../lib/labels';
import { isPlainClick, loadPanel } from '../../lib/loader';
import { resumeKey } from '../../lib/authmanager';
import { specialPage } from './logic';
import { copyEntry, createAccountEntries, loginEntries, resetQuery } from '../../lib/skin-entries';

/**
 * Which special page opens which panel (the panel's gadget name), by name in lower case, as
 * MediaWiki compares them: the canonical names and English aliases, which every wiki accepts
 * (and the old sign-up address); init adds the names the wiki's own links use.
 */
const panels: Record<string, string> = {
	userlogin: 'login',
	login: 'login',
	'userlogin/signup': 'create-account',
	createaccount: 'create-account',
	passwordreset: 'password-reset'
};

function init(): void {
	// The skins' own "Log in" and "Create account" tell the wiki's own name of each special page,
	// which its other links use too (Служебная:Вход on a Russian wiki).
	[ loginEntries, createAccountEntries ].forEach( ( selector, index ) => {
		$( selector ).find( 'a' ).addBack( 'a' ).each( ( _, link ) => {
			panels[ specialPage( link as HTMLAnchorElement, location.host, mw.config.get( 'wgNamespaceIds' ) ) as string ] = index ? 'create-account' : 'login';
		} );
	} );
	// One listener for every link, also those added later (notices, DiscussionTools, VisualEditor),
	// in the capture phase: a skin's menu may stop a click on its way up (Timeless does). Middle-
	// click and modified clicks keep their meaning (the page, e.g. in a new tab); if the panel
	// cannot be loaded, the link is followed.
	document.addEventListener( 'click', ( event ) => {
		// Not a link in a panel: its way to the wiki's own page (the hand-over) goes there.
		const link = $( event.target as Element ).closest( 'a:not(.account-gadgets-panel a)' )[ 0 ] as HTMLAnchorElement | undefined;
		// (A name such as "constructor" finds no panel to load, and the link is followed.)
		const panel = link && panels[ specialPage( link, location.host, mw.config.get( 'wgNamespaceIds' ) ) as string ];
		if ( panel && isPlainClick( event ) ) {
			// Each panel opened from here is for oneself, and learns the link (its returnto).
			// Without Promise (Internet Explorer 11 on 1.39) loadPanel throws before preventDefault,
			// and the link opens its page as usual.
			loadPanel<( how: 'self', from: string ) => void>( panel ).then( ( open ) => open( 'self', link.href ), () => {
				location.href = link.href;
			} );
			event.preventDefault();
		}
	}, true );
	withLabels( labels, ( texts ) => {
		// "Forgot your password?" beside each "Log in".
		$( loginEntries ).each( ( _, element ) => copyEntry( element, texts[ 'link-forgot' ], mw.config.get( 'wgScript' ) + resetQuery ) );
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
