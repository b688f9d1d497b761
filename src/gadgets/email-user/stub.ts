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

function emailLink( target: string ): HTMLAnchorElement | null {
	const existing = document.querySelector<HTMLAnchorElement>( '#t-emailuser a' );
	if ( existing ) {
		return existing;
	}
	const language = mw.config.get( 'wgUserLanguage' );
	const item = mw.util.addPortletLink(
		'p-tb',
		mw.util.getUrl( `Special:EmailUser/${ target }` ),
		labels[ language ] || labels[ language.split( '-' )[ 0 ] ] || labels.en,
		't-emailuser-gadget'
	);
	return item ? item.querySelector( 'a' ) : null;
}

function init(): void {
	const target = mw.config.get( 'wgRelevantUserName' );
	// Promise is the one thing newer than ES5 that the panel needs; without it the special page
	// still works through the plain link.
	if ( !target || typeof Promise === 'undefined' ) {
		return;
	}
	const pageShowsLink = !!document.getElementById( 't-emailuser' );
	const link = emailLink( target );
	if ( !link ) {
		return;
	}
	link.addEventListener( 'click', ( event ) => {
		// Middle-click and modified clicks keep their meaning: open Special:EmailUser.
		if ( event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey ) {
			return;
		}
		event.preventDefault();
		loadPanel<OpenEmailPanel>( 'email-user' ).then(
			( open ) => open( { target, targetKnownEmailable: pageShowsLink, returnFocus: link } ),
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
