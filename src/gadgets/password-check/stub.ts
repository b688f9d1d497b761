// Page-view stub of the password-check gadget: "Check a password" in the tools menu of every
// page and, for logged-in users, "Change password" in the personal menu. Gadgets never run on
// Special:ChangeCredentials or Special:CreateAccount, so the live check lives in these panels.
// In Minerva, whose tools menu exists only on some pages, both are in the main menu's personal
// section.
import labels from 'labels:./i18n';
import { withLabels } from '../../lib/labels';
import { openPanelOnClick, startOnce } from '../../lib/loader';
import type { OpenPasswordPanel, PasswordPanel } from './panel';

function addLink( portlet: string, page: string, which: PasswordPanel, label: string, id: string ): void {
	const item = mw.util.addPortletLink( portlet, mw.util.getUrl( page ), label, id );
	openPanelOnClick<OpenPasswordPanel>( item && item.querySelector( 'a' ), 'password-check', ( open ) => open( which ) );
}

function init(): void {
	withLabels( labels, ( texts ) => {
		const tools = mw.config.get( 'skin' ) === 'minerva' ? 'p-personal' : 'p-tb';
		addLink( tools, 'Special:PasswordPolicies', 'check', texts[ 'link-check' ], 't-passwordcheck' );
		// A temporary account (1.43+) has no password to change.
		if ( mw.config.get( 'wgUserName' ) && !mw.config.get( 'wgUserIsTemp' ) ) {
			addLink( 'p-personal', 'Special:ChangeCredentials', 'change', texts[ 'link-change' ], 'pt-changepassword' );
		}
	} );
}

startOnce( 'accountGadgetsPasswordCheck', init );
