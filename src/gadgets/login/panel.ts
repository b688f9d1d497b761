// The login panel: the wiki's own login fields (from meta=authmanagerinfo), then whatever further
// step it asks for (a two-factor code, a captcha, a new password after a temporary one), drawn by
// the shared renderer. After PASS the page reloads in place, or, in the middle of an edit, stays
// with its text and saves under the new name.
import { ApiClient, createApi } from '../../lib/api';
import { RenderedFields, renderAuthFields } from '../../lib/auth-fields';
import { AuthField, AuthStep, AuthValues, fetchAuthForm, keptValues, submitAuth } from '../../lib/authmanager';
import { ApiFailure } from '../../lib/errors';
import { loadPanel } from '../../lib/loader';
import { MessageFunction, useMessages } from '../../lib/messages';
import { Panel, describeFailure, stayOpen } from '../../lib/panel';
import { whenPanelReady } from '../../lib/panel-entry';
import { continueInNewSession } from '../../lib/session';
import type { OpenResetPanel } from '../password-reset/panel';
import { resumeKey, resumeValues } from './logic';
import en from './i18n/en.json';
import ru from './i18n/ru.json';
import uk from './i18n/uk.json';
import tr from './i18n/tr.json';

/** Opens the panel; `resume` after a redirecting provider brought the browser back. */
export type OpenLoginPanel = ( resume?: boolean ) => void;

let msg: MessageFunction;
let api: ApiClient;

function wikiText( html: string ): HTMLElement {
	// The wiki's own message (messageformat=html), escaping whatever a user typed.
	const node = document.createElement( 'p' );
	node.innerHTML = html;
	return node;
}

function sameFields( before: AuthField[], after: AuthField[] ): boolean {
	const names = ( fields: AuthField[] ): string => fields.map( ( field ) => field.name ).join( '|' );
	return names( before ) === names( after );
}

const open: OpenLoginPanel = ( resume ) => {
	let fields: RenderedFields | null = null;
	let shown: AuthField[] = [];
	let token: string | undefined;
	let continuing = false;

	const panel = new Panel( {
		title: msg( 'title' ).text(),
		submitLabel: msg( 'submit' ).text(),
		// Nothing here is worth a question: a username is quickly typed again, passwords go.
		isDirty: () => false,
		initialFocus: () => fields && fields.first(),
		submit: () => submitStep(),
		onClose: () => fields && fields.dispose()
	}, msg );

	function forgotButton(): HTMLElement {
		const button = new OO.ui.ButtonWidget( { label: msg( 'forgot' ).text(), framed: false, flags: [ 'progressive' ] } );
		button.on( 'click', () => {
			const values = fields ? fields.values() : {};
			panel.close();
			loadPanel<OpenResetPanel>( 'password-reset' ).then( ( openReset ) => {
				openReset( undefined, typeof values.username === 'string' ? values.username : '' );
			} );
		} );
		return button.$element[ 0 ];
	}

	function draw( step: AuthField[], intro: string, kept: AuthValues ): void {
		if ( fields ) {
			fields.dispose();
		}
		fields = renderAuthFields( step, {
			msg,
			api,
			// The account exists, and validatepassword refuses `user` for an existing account.
			passwordContext: () => ( {} ),
			values: kept,
			onSubmit: () => panel.submit()
		} );
		shown = step;
		const form = document.createElement( 'div' );
		if ( intro ) {
			form.appendChild( wikiText( intro ) );
		}
		form.appendChild( fields.element );
		if ( !continuing ) {
			form.appendChild( forgotButton() );
		}
		panel.update( { submitLabel: msg( continuing ? 'continue' : 'submit' ).text() } );
		panel.showForm( form );
	}

	/** The first form, asked afresh: after a failure the wiki may add a captcha to it. */
	function start( kept: AuthValues ): Promise<void> {
		continuing = false;
		return fetchAuthForm( api, 'login' ).then( ( form ) => {
			token = form.token;
			draw( form.fields, '', keptValues( shown, form.fields, kept ) );
		} );
	}

	function follow( step: AuthStep, values: AuthValues ): Promise<void | typeof stayOpen> {
		if ( step.kind === 'pass' ) {
			return continueInNewSession( api, msg( 'logged-in-editing', step.username || String( values.username || '' ) ).text() );
		}
		if ( step.kind === 'form' ) {
			// The same fields again (a wrong code): the wiki's message is an error, not an intro.
			const again = continuing && sameFields( shown, step.fields );
			continuing = true;
			draw( step.fields, again ? '' : step.html, keptValues( shown, step.fields, values ) );
			if ( again && step.html ) {
				throw wikiText( step.html );
			}
			return Promise.resolve( stayOpen );
		}
		if ( step.kind === 'redirect' ) {
			// Without storage the provider still logs the person in; only the panel does not reopen.
			mw.storage.session.set( resumeKey, '1' );
			location.assign( step.target );
			return new Promise<void>( () => {
				// Never settles: the page is going away.
			} );
		}
		// FAIL: the wiki's reason; the form comes back with the username, without the password.
		const reason = describeFailure( { kind: 'api', code: step.code, html: step.html }, msg );
		if ( fields ) {
			fields.clearPasswords();
		}
		return start( values ).then( () => {
			throw reason;
		} );
	}

	function submitStep(): Promise<void | typeof stayOpen> {
		const current = fields as RenderedFields;
		const problem = current.problem();
		if ( problem ) {
			return Promise.reject( wikiText( mw.html.escape( problem ) ) );
		}
		const values = current.values();
		return submitAuth( api, 'login', values, continuing ? { continuing: true } : { token, returnUrl: location.href } )
			.then( ( step ) => follow( step, values ), ( failure: ApiFailure | HTMLElement ) => {
				throw failure instanceof HTMLElement ? failure : describeFailure( failure, msg );
			} );
	}

	panel.open();
	if ( resume ) {
		// Back from a redirecting provider: continue with what it put into the address.
		mw.storage.session.remove( resumeKey );
		continuing = true;
		submitAuth( api, 'login', resumeValues( location.search ), { continuing: true } )
			.then( ( step ) => follow( step, {} ) )
			.then( null, ( problem: ApiFailure | HTMLElement ) => {
				const node = problem instanceof HTMLElement ? problem : describeFailure( problem, msg );
				if ( fields ) {
					panel.showError( node );
				} else {
					panel.showInfo( node );
				}
			} );
		return;
	}
	start( {} ).then( null, ( failure: ApiFailure ) => {
		panel.showInfo( describeFailure( failure, msg ) );
	} );
};

whenPanelReady( 'login', () => {
	msg = useMessages( { en, ru, uk, tr } );
	api = createApi( 'login' );
	return open;
} );
