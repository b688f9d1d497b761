// Page-view stub of the email-user gadget: on a user's pages it turns "Email this user" into a
// link that opens the in-page panel. Nothing else loads until the link is used.
import { openPanelOnClick, startOnce } from '../../lib/loader';
import { emailUserLabels } from './labels';
import type { OpenEmailPanel } from './panel';

function init(): void {
	const target = mw.config.get( 'wgRelevantUserName' );
	if ( !target ) {
		return;
	}
	// MediaWiki shows #t-emailuser only for a recipient who can receive email from the viewer.
	const shown = document.querySelector( '#t-emailuser a' );
	const added = shown ? null : mw.util.addPortletLink(
		'p-tb',
		mw.util.getUrl( 'Special:EmailUser/' + target ),
		emailUserLabels[ mw.config.get( 'wgUserLanguage' ) ] || emailUserLabels.en
	);
	const link = shown || ( added && added.querySelector( 'a' ) );
	openPanelOnClick<OpenEmailPanel>( link, 'email-user', ( open ) => open( target ) );
}

// A temporary account gets the link from the logged-out stub, with the way to an account of its own.
if ( !mw.config.get( 'wgUserIsTemp' ) ) {
	startOnce( 'accountGadgetsEmailUser', init );
}
