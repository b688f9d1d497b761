// Page-view stub of the email-user gadget: on a user's pages it turns "Email this user" into a
// link that opens the in-page panel. Nothing else loads until the link is used.
import { loadPanel } from '../../lib/loader';
import type { OpenEmailPanel } from './panel';

declare global {
	interface Window {
		accountGadgetsEmailUser?: boolean;
	}
}

const labels: Record<string, string> = {
	en: 'Email this user',
	ru: 'Написать письмо',
	uk: 'Написати листа',
	tr: 'Kullanıcıya e-posta gönder'
};

function init(): void {
	const target = mw.config.get( 'wgRelevantUserName' );
	// Without Promise (Internet Explorer 11 on 1.39) the plain link to the special page stays.
	if ( !target || !window.Promise ) {
		return;
	}
	// MediaWiki shows #t-emailuser only for a recipient who can receive email from the viewer.
	const shown = document.querySelector<HTMLAnchorElement>( '#t-emailuser a' );
	const added = shown ? null : mw.util.addPortletLink(
		'p-tb',
		mw.util.getUrl( 'Special:EmailUser/' + target ),
		labels[ mw.config.get( 'wgUserLanguage' ) ] || labels.en
	);
	const link = shown || ( added && added.querySelector( 'a' ) );
	if ( !link ) {
		return;
	}
	link.addEventListener( 'click', ( event ) => {
		// Middle-click and modified clicks keep their meaning: open Special:EmailUser.
		if ( event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey ) {
			return;
		}
		event.preventDefault();
		loadPanel<OpenEmailPanel>( 'email-user' ).then(
			( open ) => open( { target, targetKnownEmailable: !!shown, returnFocus: link } ),
			() => {
				location.href = link.href;
			}
		);
	} );
}

if ( !window.accountGadgetsEmailUser ) {
	window.accountGadgetsEmailUser = true;
	mw.loader.using( 'mediawiki.util' ).then( () => $( init ) );
}
