// The password-reset panel: one field for what the wiki allows (username, email address, or
// either), one request, and the same neutral answer whether or not an account matched.
import { ApiClient, createApi } from '../../lib/api';
import { ApiFailure } from '../../lib/errors';
import { MessageFunction, useMessages } from '../../lib/messages';
import { Panel, describeFailure, paragraph } from '../../lib/panel';
import { whenPanelReady } from '../../lib/panel-entry';
import { InputProblem, ResetRoutes, fetchRoutes, requestReset, resetRequest } from './logic';
import messages from 'i18n:./i18n';

/**
 * Opens the panel: 'helper' to send the user `name` a reset; 'self' for oneself, with the field
 * filled in with `name` (from the login panel) or with the `wpUsername` of the link it was opened
 * from (`from`, its address), as the wiki's page fills it in.
 */
export type OpenResetPanel = ( how: 'self' | 'helper', from?: string, name?: string ) => void;

let msg: MessageFunction;
let api: ApiClient;
let routes: Promise<ResetRoutes> | null = null;

function fieldLabel( allowed: ResetRoutes ): string {
	if ( allowed.user && allowed.email ) {
		return msg( 'field-either' ).text();
	}
	return msg( allowed.user ? 'field-user' : 'field-email' ).text();
}

const problems: Record<InputProblem, string> = {
	empty: 'problem-empty',
	'email-route-off': 'problem-email-route-off',
	'user-route-off': 'problem-user-route-off'
};

// API errors whose wiki text is less clear than ours; all others show the wiki's own message.
const knownFailures: Record<string, () => mw.Message> = {
	'passwordreset-nodata': () => msg( 'problem-empty' ),
	noname: () => msg( 'error-invaliduser' ),
	invaliduser: () => msg( 'error-invaliduser' ),
	badaccess: () => msg( 'error-badaccess' ),
	'passwordreset-emaildisabled': () => msg( 'not-available' ),
	'passwordreset-disabled': () => msg( 'not-available' ),
	moduledisabled: () => msg( 'not-available' )
};

const open: OpenResetPanel = ( how, from, name ) => {
	const target = how === 'helper' ? name : undefined;
	const prefill = target ? undefined : name || ( from && mw.util.getParamValue( 'wpUsername', from ) ) || undefined;
	let input: OO.ui.TextInputWidget | null = null;
	const panel = new Panel( {
		title: msg( target ? 'helper-title' : 'title' ).text(),
		submitLabel: msg( 'send' ).text(),
		isDirty: () => !!input && input.getValue() !== ( target || prefill || '' ),
		initialFocus: () => input,
		submit: () => routes!.then( ( allowed ) => {
			const request = resetRequest( ( input as OO.ui.TextInputWidget ).getValue(), allowed, mw.config.get( 'wgUserName' ) );
			if ( 'problem' in request ) {
				throw paragraph( msg( problems[ request.problem ] ).parseDom() );
			}
			return requestReset( api, request.params ).then( () => {
				// The same words whether or not an account matched: MediaWiki answers success for
				// unknown users and addresses, and so must we.
				mw.notify( msg( 'sent' ).text(), { type: 'success', autoHideSeconds: 'long' } );
			}, ( failure: ApiFailure ) => {
				throw describeFailure( failure, msg, knownFailures );
			} );
		} )
	}, msg );
	panel.open();
	if ( !routes ) {
		routes = fetchRoutes( api );
		routes.catch( () => {
			routes = null;
		} );
	}
	routes.then( ( allowed ) => {
		if ( !allowed.user && !allowed.email ) {
			panel.showInfo( paragraph( msg( 'not-available' ).parseDom() ) );
			return;
		}
		const field = new OO.ui.TextInputWidget( {
			value: target || prefill || '',
			type: allowed.user ? 'text' : 'email',
			autocomplete: allowed.user ? 'username' : 'email'
		} );
		input = field;
		const form = document.createElement( 'div' );
		form.appendChild( paragraph( msg( target ? 'helper-intro' : 'intro' ).parseDom() ) );
		form.appendChild( new OO.ui.FieldLayout( field, { label: fieldLabel( allowed ), align: 'top' } ).$element[ 0 ] );
		panel.showForm( form );
	}, ( failure: ApiFailure ) => {
		panel.showInfo( describeFailure( failure, msg ) );
	} );
};

whenPanelReady( 'password-reset', () => {
	msg = useMessages( messages );
	api = createApi( 'password-reset' );
	return open;
} );
