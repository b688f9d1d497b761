// Page-view stub of the email-user gadget: on a user's pages it turns "Email this user" into a
// link that opens the in-page panel. Nothing else loads until the link is used.
import { openPanelOnClick, startOnce } from '../../lib/loader';
import type { OpenEmailPanel } from './panel';

const labels: Record<string, string> = {
	en: 'Email this user',
	ru: 'Написать письмо',
	uk: 'Написати листа',
	tr: 'E-posta gönder'
};

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
		labels[ mw.config.get( 'wgUserLanguage' ) ] || labels.en
	);
	const link = shown || ( added && added.querySelector( 'a' ) );
	openPanelOnClick<OpenEmailPanel>( link, 'email-user', ( open ) => open( target ) );
}

// Also for a temporary account (the logged-out stub loads this for it): its panel explains.
startOnce( 'accountGadgetsEmailUser', init );
