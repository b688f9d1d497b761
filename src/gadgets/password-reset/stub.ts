// Page-view stub of the password-reset gadget: for logged-out readers, "Forgot your password?"
// beside each "Log in" link. Meant to be a default gadget, so it loads for every reader: it
// depends on nothing, asks nothing, and loads the panel only when the link is used. (Helpers'
// "Send password reset" on user pages is the password-reset-helper gadget.)
import { openPanelOnClick } from '../../lib/loader';
import type { OpenResetPanel } from './panel';

// Where each skin puts "Log in": 1.43's Vector 2022 has two, 1.39's a menu entry.
const loginSelectors = '#pt-login-2, #pt-login, .vector-user-menu-login';
const labels: Record<string, string> = {
	en: 'Forgot your password?',
	ru: 'Забыли пароль?',
	uk: 'Забули пароль?',
	tr: 'Parolanızı mı unuttunuz?'
};

function addLoggedOutLinks(): void {
	const href = mw.config.get( 'wgScript' ) + '?title=Special:PasswordReset';
	const text = labels[ mw.config.get( 'wgUserLanguage' ) ] || labels.en;
	$( loginSelectors ).each( ( _, login ) => {
		// A sibling of the same kind, so that the skin styles it like "Log in".
		const link = $( '<a>' ).attr( 'href', href ).text( text )[ 0 ];
		$( document.createElement( login.tagName ) ).addClass( login.className ).append( link ).insertAfter( login );
		openPanelOnClick<OpenResetPanel>( link, 'password-reset', ( open ) => open() );
	} );
}

// Only logged-out readers, who have no common.js: nothing can load this twice.
if ( !mw.config.get( 'wgUserName' ) ) {
	$( addLoggedOutLinks );
}
