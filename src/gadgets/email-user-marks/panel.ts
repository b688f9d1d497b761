// Marks each user in a list who can receive email from the viewer with a small envelope that
// opens the email panel. Asks about each name once per page view, in batches, and nothing at all
// when the viewer cannot send email.
import { createApi } from '../../lib/api';
import { openPanelOnClick } from '../../lib/loader';
import { useMessages } from '../../lib/messages';
import { whenPanelReady } from '../../lib/panel-entry';
import { EmailChecker } from '../email-user/logic';
import type { OpenEmailPanel } from '../email-user/panel';
import { distinctNames, userLinks, userNameOf } from './logic';
import messages from 'i18n:./i18n';

export type MarkUsers = ( root: Element ) => void;

const markedClass = 'account-gadgets-envelope';

function envelopeFor( name: string, label: string ): HTMLAnchorElement {
	const envelope = document.createElement( 'a' );
	envelope.className = markedClass;
	envelope.href = mw.util.getUrl( 'Special:EmailUser/' + name );
	envelope.title = label;
	envelope.setAttribute( 'aria-label', label );
	envelope.textContent = '\u2709';
	envelope.style.marginLeft = '0.25em';
	envelope.style.textDecoration = 'none';
	openPanelOnClick<OpenEmailPanel>( envelope, 'email-user', ( open ) => open( name, { targetKnownEmailable: true } ) );
	return envelope;
}

whenPanelReady<MarkUsers>( 'email-user-marks', () => {
	const msg = useMessages( messages );
	const checker = new EmailChecker(
		createApi( 'email-user-marks' ), mw.config.get( 'wgUserName' ), mw.config.get( 'wgContentLanguage' )
	);
	return ( root ) => {
		const marked = ( link: HTMLAnchorElement ): boolean => {
			const next = link.nextElementSibling;
			return !!next && next.classList.contains( markedClass );
		};
		const links = userLinks( root ).filter( ( link ) => !marked( link ) );
		if ( !links.length ) {
			return;
		}
		checker.lookUp( distinctNames( links ) ).then( ( users ) => checker.senderObstacle().then( ( obstacle ) => {
			if ( obstacle ) {
				return;
			}
			const emailable = users.filter( ( user ) => user.emailable ).map( ( user ) => user.name );
			for ( const link of links ) {
				const name = userNameOf( link );
				// Looked at again: a list redrawn meanwhile (RecentChanges fires wikipage.content for the
				// list it already showed) may have been marked by the call that answered first.
				if ( emailable.includes( name ) && !marked( link ) ) {
					link.insertAdjacentElement( 'afterend', envelopeFor( name, msg( 'mark-label', name ).text() ) );
				}
			}
		} ) ).catch( () => {
			// Marks are a convenience: when the wiki cannot be asked, the list stays as it was.
		} );
	};
} );
