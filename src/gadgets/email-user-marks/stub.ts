// Page-view stub of the email-user-marks gadget: on page histories, Special:Contributions,
// Special:RecentChanges and Special:ListUsers it loads the code that marks emailable users.
import { loadPanel } from '../../lib/loader';
import type { MarkUsers } from './panel';

const listPages = [ 'Contributions', 'Recentchanges', 'Listusers' ];

const flags = window as unknown as Record<string, boolean>;

// A temporary account (1.43+) cannot send email, so nobody is marked for it. Once per page: the
// gadget and the common.js line may both load this.
if ( !flags.accountGadgetsEmailUserMarks && mw.config.get( 'wgUserName' ) && !mw.config.get( 'wgUserIsTemp' ) && window.Promise && (
	mw.config.get( 'wgAction' ) === 'history' ||
	listPages.indexOf( mw.config.get( 'wgCanonicalSpecialPageName' ) as string ) !== -1
) ) {
	flags.accountGadgetsEmailUserMarks = true;
	loadPanel<MarkUsers>( 'email-user-marks' ).then( ( markUsers ) => {
		// The page body includes the subtitle, where Special:Contributions names its user.
		markUsers( document.getElementById( 'bodyContent' ) || document.body );
		// And again whenever a list is redrawn in place (RecentChanges' live filters).
		mw.hook( 'wikipage.content' ).add( ( $content ) => markUsers( $content[ 0 ] ) );
	} );
}
