// The login panel: the wiki's own login fields, then whatever further step it asks for (a
// two-factor code, a captcha, a new password after a temporary one), through the shared
// AuthManager flow. After PASS the page reloads in place, or, in the middle of an edit, stays
// with its text and saves under the new name.
import { ApiClient, createApi } from '../../lib/api';
import { AuthFlow } from '../../lib/auth-flow';
import { loadPanel } from '../../lib/loader';
import { MessageFunction, useMessages } from '../../lib/messages';
import { Panel } from '../../lib/panel';
import { whenPanelReady } from '../../lib/panel-entry';
import { continueInNewSession } from '../../lib/session';
import type { OpenResetPanel } from '../password-reset/panel';
import type { OpenCreatePanel } from '../create-account/panel';
import messages from 'i18n:./i18n';

/**
 * Opens the panel ('self'); 'resume' after a redirecting provider brought the browser back.
 * `from`: the address of the link it was opened from, whose `returnto` is kept.
 */
export type OpenLoginPanel = ( how: 'self' | 'resume', from?: string ) => void;

let msg: MessageFunction;
let api: ApiClient;

const open: OpenLoginPanel = ( how, from ) => {
	const panel = new Panel( {
		title: msg( 'title' ).text(),
		submitLabel: msg( 'submit' ).text(),
		// Nothing here is worth a question: a username is quickly typed again, passwords go.
		isDirty: () => false,
		submit: () => Promise.resolve()
	}, msg );
	const flow: AuthFlow = new AuthFlow( {
		which: 'login',
		gadget: 'login',
		from,
		api,
		msg,
		panel,
		submitLabel: msg( 'submit' ).text(),
		continueLabel: msg( 'continue' ).text(),
		// The account exists, and validatepassword refuses `user` for an existing account.
		passwordContext: () => ( {} ),
		footer: () => {
			const forgot = new OO.ui.ButtonWidget( { label: msg( 'forgot' ).text(), framed: false, flags: [ 'progressive' ] } );
			forgot.on( 'click', () => {
				const username = flow.values().username;
				panel.close();
				loadPanel<OpenResetPanel>( 'password-reset' ).then( ( openReset ) => {
					openReset( 'self', undefined, typeof username === 'string' ? username : '' );
				} );
			} );
			// No account yet: the sign-up panel. (Minerva's mobile menu has "Log in" only, as
			// the wiki's own login page has its "Create account" button.)
			const signUp = new OO.ui.ButtonWidget( { label: msg( 'create-account' ).text(), framed: false, flags: [ 'progressive' ] } );
			signUp.on( 'click', () => {
				panel.close();
				loadPanel<OpenCreatePanel>( 'create-account' ).then( ( openCreate ) => openCreate( 'self', from ) );
			} );
			return $( '<div>' ).append( forgot.$element, signUp.$element )[ 0 ];
		},
		onPass: ( username ) => continueInNewSession( api, {
			form: msg( 'logged-in-editing', username ).text(),
			editor: msg( 'logged-in-editor', username ).text()
		}, from )
	} );
	if ( how === 'resume' ) {
		flow.resume();
	} else {
		flow.open();
	}
};

whenPanelReady( 'login', () => {
	msg = useMessages( messages );
	api = createApi( 'login' );
	return open;
} );
