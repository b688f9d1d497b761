// Page-view stub of the create-account gadget, for users who may create accounts for others:
// "Create an account" and "Create accounts in a batch" in the tools menu, or where a page has none
// (Minerva outside user pages) in the personal menu. (Sign-up for readers who are not logged in
// is the logged-out stub's "Create account".)
import labels from 'labels:./i18n';
import { withLabels } from '../../lib/labels';
import { openPanelOnClick, startOnce } from '../../lib/loader';
import type { OpenCreatePanel } from './panel';

function addLink( label: string, id: string, how: 'other' | 'batch' ): void {
	const portlet = document.getElementById( 'p-tb' ) ? 'p-tb' : 'p-personal';
	const item = mw.util.addPortletLink( portlet, mw.util.getUrl( 'Special:CreateAccount' ), label, id );
	openPanelOnClick<OpenCreatePanel>( item && item.querySelector( 'a' ), 'create-account', ( open ) => open( how ) );
}

function init(): void {
	withLabels( labels, ( texts ) => {
		addLink( texts[ 'link-create' ], 't-createaccount', 'other' );
		addLink( texts[ 'link-create-batch' ], 't-createaccounts', 'batch' );
	} );
}

// Temporary accounts (1.43+) may hold the right but create only for themselves, from the
// logged-out stub's "Create account".
if ( mw.config.get( 'wgUserName' ) && !mw.config.get( 'wgUserIsTemp' ) ) {
	startOnce( 'accountGadgetsCreateAccount', init );
}
