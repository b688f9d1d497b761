// Stub of the password-reset-helper gadget: on a user's pages, "Send password reset" in the tools
// menu (Minerva: the page actions' overflow menu) opens the password-reset panel with that user
// filled in, for helpers assisting people locked out of their account. The email goes to the
// user's own address, never to the helper.
import labels from 'labels:./i18n';
import { withLabels } from '../../lib/labels';
import { openPanelOnClick, startOnce } from '../../lib/loader';
import type { OpenResetPanel } from '../password-reset/panel';

function init(): void {
	const target = mw.config.get( 'wgRelevantUserName' );
	if ( !target ) {
		return;
	}
	withLabels( labels, ( texts ) => {
		const item = mw.util.addPortletLink(
			'p-tb',
			mw.util.getUrl( 'Special:PasswordReset', { wpUsername: target } ),
			texts[ 'link-reset' ],
			't-passwordreset'
		);
		openPanelOnClick<OpenResetPanel>( item && item.querySelector( 'a' ), 'password-reset', ( open ) => open( 'helper', undefined, target ) );
	} );
}

// Helpers are registered users; a temporary account (1.43+) is offered its own ways forward instead.
if ( mw.config.get( 'wgUserName' ) && !mw.config.get( 'wgUserIsTemp' ) ) {
	startOnce( 'accountGadgetsPasswordResetHelper', init );
}
