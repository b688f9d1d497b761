// Page-view stub of the email-user gadget: on a user's pages it turns "Email this user" into a
// link that opens the in-page panel. Nothing else loads until the link is used.
import labels from 'labels:./i18n';
import { withLabels } from '../../lib/labels';
import { openPanelOnClick, startOnce } from '../../lib/loader';
import type { OpenEmailPanel } from './panel';

function init(): void {
	const target = mw.config.get( 'wgRelevantUserName' );
	if ( !target ) {
		return;
	}
	const open = ( link: Element | null ): void => openPanelOnClick<OpenEmailPanel>( link, 'email-user', ( panel ) => panel( target ) );
	// MediaWiki shows #t-emailuser only for a recipient who can receive email from the viewer.
	const shown = document.querySelector( '#t-emailuser a' );
	if ( shown ) {
		open( shown );
		return;
	}
	// Otherwise (and always in Minerva, which has no such link: there the tools menu is the page
	// actions' overflow menu) the panel says whether the email can go.
	withLabels( labels, ( texts ) => {
		const added = mw.util.addPortletLink( 'p-tb', mw.util.getUrl( 'Special:EmailUser/' + target ), texts[ 'link-email' ] );
		open( added && added.querySelector( 'a' ) );
	} );
}

// Also for a temporary account (the logged-out stub loads this for it): its panel explains.
startOnce( 'accountGadgetsEmailUser', init );
