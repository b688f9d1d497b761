// Page-view stub of the password-check gadget: "Check a password" in the tools menu of every
// page and, for logged-in users, "Change password" in the personal menu. Gadgets never run on
// Special:ChangeCredentials or Special:CreateAccount, so the live check lives in these panels.
import { openPanelOnClick, startOnce } from '../../lib/loader';
import type { OpenPasswordPanel, PasswordPanel } from './panel';

const labels: Record<string, [ string, string ]> = {
	en: [ 'Check a password', 'Change password' ],
	ru: [ 'Проверить пароль', 'Сменить пароль' ],
	uk: [ 'Перевірити пароль', 'Змінити пароль' ],
	tr: [ 'Parola denetle', 'Parolayı değiştir' ]
};

function addLink( portlet: string, page: string, which: PasswordPanel, label: string, id: string ): void {
	const item = mw.util.addPortletLink( portlet, mw.util.getUrl( page ), label, id );
	openPanelOnClick<OpenPasswordPanel>( item && item.querySelector( 'a' ), 'password-check', ( open ) => open( which ) );
}

function init(): void {
	const label = labels[ mw.config.get( 'wgUserLanguage' ) ] || labels.en;
	addLink( 'p-tb', 'Special:PasswordPolicies', 'check', label[ 0 ], 't-passwordcheck' );
	// A temporary account (1.43+) has no password to change.
	if ( mw.config.get( 'wgUserName' ) && !mw.config.get( 'wgUserIsTemp' ) ) {
		addLink( 'p-personal', 'Special:ChangeCredentials', 'change', label[ 1 ], 'pt-changepassword' );
	}
}

startOnce( 'accountGadgetsPasswordCheck', init );
