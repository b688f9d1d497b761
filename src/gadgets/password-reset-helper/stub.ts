// Stub of the password-reset-helper gadget: on a user's pages, "Send password reset" in the tools
// menu opens the password-reset panel with that user filled in, for helpers assisting people
// locked out of their account. The email goes to the user's own address, never to the helper.
import { openPanelOnClick, startOnce } from '../../lib/loader';
import type { OpenResetPanel } from '../password-reset/panel';

const labels: Record<string, string> = {
	en: 'Send password reset',
	ru: 'Отправить сброс пароля',
	uk: 'Надіслати скидання пароля',
	tr: 'Parola sıfırlama gönder'
};

function init(): void {
	const target = mw.config.get( 'wgRelevantUserName' );
	const item = target && mw.util.addPortletLink(
		'p-tb',
		mw.util.getUrl( 'Special:PasswordReset', { wpUsername: target } ),
		labels[ mw.config.get( 'wgUserLanguage' ) ] || labels.en,
		't-passwordreset'
	);
	if ( item ) {
		openPanelOnClick<OpenResetPanel>( item.querySelector( 'a' ), 'password-reset', ( open ) => open( target as string ) );
	}
}

// Helpers are registered users; a temporary account (1.43+) is offered its own ways forward instead.
if ( mw.config.get( 'wgUserName' ) && !mw.config.get( 'wgUserIsTemp' ) ) {
	startOnce( 'accountGadgetsPasswordResetHelper', init );
}
