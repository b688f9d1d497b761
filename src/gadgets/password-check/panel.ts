// The two password panels: "Check a password" (a live verdict, nothing stored or submitted) and
// "Change password" (re-authenticating in place when the wiki wants a fresh login).
import { ApiClient, createApi } from '../../lib/api';
import { ApiFailure } from '../../lib/errors';
import { MessageFunction, useMessages } from '../../lib/messages';
import { Panel, describeFailure, paragraph } from '../../lib/panel';
import { whenPanelReady } from '../../lib/panel-entry';
import { PasswordField } from '../../lib/password-field';
import { retypeMatches } from '../../lib/password-validity';
import { RenderedFields, renderAuthFields } from '../../lib/auth-fields';
import { submitAuth } from '../../lib/authmanager';
import { SecurityStatus, changePassword, securityStatus } from './logic';
import messages from 'i18n:./i18n';

export type PasswordPanel = 'check' | 'change';
export type OpenPasswordPanel = ( which: PasswordPanel ) => void;

let msg: MessageFunction;
let api: ApiClient;

function form( ...items: ( OO.ui.Element | HTMLElement )[] ): HTMLElement {
	const element = document.createElement( 'div' );
	for ( const item of items ) {
		element.appendChild( item instanceof HTMLElement ? item : item.$element[ 0 ] );
	}
	return element;
}

function openCheck(): void {
	const username = new OO.ui.TextInputWidget( { autocomplete: false } );
	const email = new OO.ui.TextInputWidget( { type: 'email', autocomplete: false } );
	const password = new PasswordField( {
		label: msg( 'new-password-label' ).text(),
		autocomplete: 'new-password',
		validate: { api, context: () => ( { user: username.getValue().trim(), email: email.getValue().trim() } ) }
	}, msg );
	username.on( 'change', () => password.recheck() );
	email.on( 'change', () => password.recheck() );
	const panel = new Panel( {
		title: msg( 'check-title' ).text(),
		submitLabel: msg( 'close' ).text(),
		closeLabel: msg( 'close' ).text(),
		isDirty: () => false,
		initialFocus: () => password.input,
		submit: () => Promise.resolve(),
		onClose: () => password.dispose()
	}, msg );
	panel.open();
	panel.showInfo( form(
		paragraph( msg( 'check-intro' ).text() ),
		password.layout,
		new OO.ui.FieldLayout( username, { label: msg( 'username-label' ).text(), align: 'top' } ),
		new OO.ui.FieldLayout( email, { label: msg( 'email-label' ).text(), align: 'top' } )
	) );
}

/** The wiki's own page for changing the password, and back to this page afterwards. */
function reauthElsewhere(): HTMLElement {
	const node = paragraph( `${ msg( 'reauth-elsewhere' ).text() } ` );
	const link = document.createElement( 'a' );
	link.href = mw.util.getUrl( 'Special:ChangePassword', { returnto: mw.config.get( 'wgPageName' ) } );
	link.textContent = msg( 'reauth-elsewhere-continue' ).text();
	node.appendChild( link );
	return node;
}

function openChange( status: SecurityStatus, panel: Panel, user: string ): void {
	if ( status === 'fail' ) {
		panel.showInfo( paragraph( msg( 'change-not-possible' ).parseDom() ) );
		return;
	}
	let needsLogin = status === 'reauth';
	let loginStep: RenderedFields | null = null;
	const current = new PasswordField( { label: msg( 'current-password-label' ).text(), autocomplete: 'current-password' }, msg );
	const password = new PasswordField( {
		label: msg( 'new-password-label' ).text(),
		autocomplete: 'new-password',
		// Logged in, the wiki checks against the current account by itself (and refuses `user`
		// for an existing account).
		validate: { api, context: () => ( {} ) }
	}, msg );
	const retype = new PasswordField( { label: msg( 'retype-label' ).text(), autocomplete: 'new-password' }, msg );
	// The retype is compared here, as it is typed, with no request.
	const compare = (): void => retype.note( retype.getValue() && !retypeMatches( password.getValue(), retype.getValue() ) ?
		msg( 'password-mismatch' ).text() : null );
	password.input.on( 'change', compare );
	retype.input.on( 'change', compare );
	const stepArea = document.createElement( 'div' );
	const reauthIntro = paragraph( msg( 'reauth-intro' ).text() );

	function proveIdentity(): Promise<void> {
		if ( !needsLogin ) {
			return Promise.resolve();
		}
		const step = loginStep ?
			submitAuth( api, 'login', loginStep.values(), { continuing: true } ) :
			submitAuth( api, 'login', { username: user, password: current.getValue() }, { returnUrl: location.href } );
		return step.then( ( result ) => {
			stepArea.textContent = '';
			if ( result.kind === 'pass' ) {
				needsLogin = false;
				loginStep = null;
				return;
			}
			if ( result.kind === 'form' ) {
				// A second step (two-factor code…): show its fields, and continue on the next submit.
				loginStep = renderAuthFields( result.fields, {
					msg, api, passwordContext: () => ( {} ), onSubmit: () => panel.submit()
				} );
				stepArea.appendChild( paragraph( $( '<span>' ).html( result.html ) ) );
				stepArea.appendChild( loginStep.element );
				throw paragraph( msg( 'reauth-more' ).text() );
			}
			loginStep = null;
			if ( result.kind === 'elsewhere' || result.kind === 'redirect' ) {
				// A step no panel shows (a security key…), or a provider that takes the browser
				// elsewhere, which a re-authentication in place cannot follow: the wiki's own page.
				throw reauthElsewhere();
			}
			throw paragraph( $( '<span>' ).text( `${ msg( 'reauth-failed' ).text() } ` )
				.append( $( '<span>' ).html( result.kind === 'fail' ? result.html : '' ) ) );
		} );
	}

	const fields = [ current, password, retype ];
	panel.update( {
		isDirty: () => fields.some( ( field ) => field.getValue() !== '' ),
		initialFocus: () => ( needsLogin ? current : password ).input,
		onClose: () => fields.forEach( ( field ) => field.dispose() ),
		submit: () => {
			if ( !retypeMatches( password.getValue(), retype.getValue() ) ) {
				return Promise.reject( paragraph( msg( 'password-mismatch' ).text() ) );
			}
			return proveIdentity()
				.then( () => changePassword( api, user, password.getValue(), retype.getValue() ) )
				.then( () => {
					mw.notify( msg( 'changed' ).text(), { type: 'success' } );
				}, ( problem: ApiFailure | HTMLElement ) => {
					throw problem instanceof HTMLElement ? problem : describeFailure( problem, msg );
				} );
		}
	} );
	panel.showForm( form(
		...( needsLogin ? [ reauthIntro, current.layout, stepArea ] : [] ),
		password.layout,
		retype.layout
	) );
}

const open: OpenPasswordPanel = ( which ) => {
	if ( which === 'check' ) {
		openCheck();
		return;
	}
	const user = mw.config.get( 'wgUserName' ) as string;
	const panel = new Panel( {
		title: msg( 'change-title' ).text(),
		submitLabel: msg( 'change' ).text(),
		isDirty: () => true,
		submit: () => Promise.resolve()
	}, msg );
	panel.open();
	securityStatus( api ).then( ( status ) => openChange( status, panel, user ), ( failure: ApiFailure ) => {
		panel.showInfo( describeFailure( failure, msg ) );
	} );
};

whenPanelReady( 'password-check', () => {
	msg = useMessages( messages );
	api = createApi( 'password-check' );
	return open;
} );
