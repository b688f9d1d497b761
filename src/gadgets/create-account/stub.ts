// Page-view stub of the create-account gadget, for users who may create accounts for others:
// "Create an account" and "Create accounts in a batch" in the tools menu. (Sign-up for readers
// who are not logged in is the logged-out stub's "Create account".)
import { openPanelOnClick, startOnce } from '../../lib/loader';
import type { OpenCreatePanel } from './panel';

const labels: Record<string, [ string, string ]> = {
	en: [ 'Create an account', 'Create accounts in a batch' ],
	ru: [ 'Создать учётную запись', 'Создать учётные записи списком' ],
	uk: [ 'Створити обліковий запис', 'Створити облікові записи списком' ],
	tr: [ 'Hesap oluştur', 'Toplu hesap oluştur' ]
};

function init(): void {
	const label = labels[ mw.config.get( 'wgUserLanguage' ) ] || labels.en;
	const single = mw.util.addPortletLink( 'p-tb', mw.util.getUrl( 'Special:CreateAccount' ), label[ 0 ], 't-createaccount' );
	const batch = mw.util.addPortletLink( 'p-tb', mw.util.getUrl( 'Special:CreateAccount' ), label[ 1 ], 't-createaccounts' );
	openPanelOnClick<OpenCreatePanel>( single && single.querySelector( 'a' ), 'create-account', ( open ) => open( 'other' ) );
	openPanelOnClick<OpenCreatePanel>( batch && batch.querySelector( 'a' ), 'create-account', ( open ) => open( 'batch' ) );
}

// Temporary accounts (1.43+) may hold the right but create only for themselves, from the
// logged-out stub's "Create account".
if ( mw.config.get( 'wgUserName' ) && !mw.config.get( 'wgUserIsTemp' ) ) {
	startOnce( 'accountGadgetsCreateAccount', init );
}
