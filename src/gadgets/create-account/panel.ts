// The account-creation panel: the wiki's own sign-up fields (captcha, email, real name, reason,
// "email a temporary password"…) through the shared AuthManager flow, with the username checked
// as it is typed. For oneself (logged out, or a temporary account) it ends logged in as the new
// account, keeping an edit in progress; for someone else it says the account exists. Batches
// are batch.ts.
import { ApiClient, createApi } from '../../lib/api';
import { AuthFlow, goToProvider } from '../../lib/auth-flow';
import { AuthStep, AuthValues, submitAuth } from '../../lib/authmanager';
import { MessageFunction, useMessages } from '../../lib/messages';
import { Panel, paragraph, stayOpen } from '../../lib/panel';
import { whenPanelReady } from '../../lib/panel-entry';
import { continueInNewSession } from '../../lib/session';
import { LiveState } from '../../lib/live-check';
import { openBatch } from './batch';
import { NameStatus, NameVerdict, creatorOf, usernameCheck } from './logic';
import messages from 'i18n:./i18n';

/** 'self': sign up (logged out, or a temporary account); 'other': for someone else; 'batch'. */
export type CreateMode = 'self' | 'other' | 'batch' | 'resume';
/** `from`: the address of the link the panel was opened from, whose `returnto` is kept. */
export type OpenCreatePanel = ( mode: CreateMode, from?: string ) => void;

let msg: MessageFunction;
let api: ApiClient;

const nameMessages: Record<NameStatus, string> = {
	available: 'name-available',
	taken: 'name-taken',
	invalid: 'name-invalid',
	'not-allowed': 'name-not-allowed'
};

/** The username's verdict under its field, announced as it changes. */
function showVerdict( area: HTMLElement, state: LiveState<NameVerdict> ): void {
	area.textContent = '';
	area.removeAttribute( 'data-name-status' );
	if ( state.state === 'empty' ) {
		return;
	}
	if ( state.state === 'checking' ) {
		area.textContent = msg( 'name-checking' ).text();
		return;
	}
	if ( state.state === 'failed' ) {
		area.appendChild( new OO.ui.MessageWidget( { type: 'warning', inline: true, label: msg( 'name-check-failed' ).text() } ).$element[ 0 ] );
		return;
	}
	const { status, html } = state.verdict;
	area.setAttribute( 'data-name-status', status );
	const $label = $( '<span>' ).text( msg( nameMessages[ status ] ).text() );
	if ( html ) {
		// The wiki's own reason (title blacklist, antispoof…), in the user's language.
		$label.append( ' ', $( '<span>' ).html( html ) );
	}
	const type = status === 'available' ? 'success' : 'error';
	area.appendChild( new OO.ui.MessageWidget( { type, inline: true, label: $label } ).$element[ 0 ] );
}

/** The confirmation for an account made for someone else, with a link to its user page. */
function createdNotice( username: string, emailed: boolean ): HTMLElement {
	const link = document.createElement( 'a' );
	link.href = mw.util.getUrl( `User:${ username }` );
	link.textContent = username;
	const node = paragraph( msg( emailed ? 'created-other-emailed' : 'created-other', link ).parseDom() );
	node.setAttribute( 'role', 'status' );
	return node;
}

function openForm( mode: 'self' | 'other', resume: boolean, from?: string ): void {
	const forOther = mode === 'other';
	// Signed up and logged in: the page goes on under the new account (an edit in progress stays).
	const continueAs = ( username: string ): Promise<void> => continueInNewSession( api, {
		form: msg( 'created-self-editing', username ).text(),
		editor: msg( 'created-self-editor', username ).text()
	}, from );
	// The login that follows a sign-up passed, or (on a wiki whose login goes through a provider
	// elsewhere, after the password was accepted) goes on there, and the login panel finishes it
	// when the provider sends the browser back.
	const logInAs = ( username: string, login: AuthStep ): Promise<void> => login.kind === 'redirect' ?
		goToProvider( 'login', login.target ) :
		continueAs( username );
	const panel = new Panel( {
		title: msg( forOther ? 'title-other' : 'title-self' ).text(),
		submitLabel: msg( 'submit' ).text(),
		isDirty: () => flow.hasTyped(),
		submit: () => Promise.resolve()
	}, msg );
	let names: ReturnType<typeof usernameCheck> | null = null;
	let emailPassword: OO.ui.CheckboxInputWidget | null = null;
	const passwordFields: HTMLElement[] = [];

	const showCreated = ( username: string, values: AuthValues ): Promise<typeof stayOpen> => {
		panel.update( { isDirty: () => false } );
		panel.showInfo( createdNotice( username, !!values.mailpassword ) );
		return Promise.resolve( stayOpen );
	};

	const flow: AuthFlow = new AuthFlow( {
		which: 'create',
		gadget: 'create-account',
		from,
		api,
		msg,
		panel,
		submitLabel: msg( 'submit' ).text(),
		continueLabel: msg( 'continue' ).text(),
		// The account does not exist yet: the wiki compares the password with the new name.
		passwordContext: ( values ) => ( {
			user: String( values.username || '' ).trim(),
			email: String( values.email || '' ).trim(),
			realname: String( values.realname || '' ).trim()
		} ),
		knownFailures: {
			userexists: () => msg( 'error-userexists' ),
			noname: () => msg( 'name-invalid' )
		},
		refuse: ( form ) => ( form.canCreate ? null : paragraph( msg( 'cannot-create' ).text() ) ),
		decorate: ( field, widget, element ) => {
			if ( field.name === 'username' && widget instanceof OO.ui.TextInputWidget ) {
				const input = widget as OO.ui.TextInputWidget;
				const area = document.createElement( 'div' );
				area.className = 'account-gadgets-name-verdict';
				area.setAttribute( 'aria-live', 'polite' );
				area.id = `${ input.getInputId() }-verdict`;
				input.$input.attr( 'aria-describedby', `${ input.$input.attr( 'aria-describedby' ) || '' } ${ area.id }`.trim() );
				element.appendChild( area );
				if ( names ) {
					names.dispose();
				}
				const check = usernameCheck( api, ( state ) => showVerdict( area, state ), window );
				names = check;
				input.on( 'change', ( value: string ) => check.update( value ) );
				check.update( input.getValue() );
			} else if ( field.name === 'mailpassword' && widget instanceof OO.ui.CheckboxInputWidget ) {
				// For someone else the wiki emails a temporary password: nobody types one.
				const checkbox = widget as OO.ui.CheckboxInputWidget;
				emailPassword = checkbox;
				checkbox.setSelected( forOther );
				checkbox.on( 'change', () => passwordFields.forEach( ( node ) => $( node ).toggle( !checkbox.isSelected() ) ) );
			} else if ( field.type === 'password' ) {
				passwordFields.push( element );
				$( element ).toggle( !( emailPassword && emailPassword.isSelected() ) );
			}
		},
		prepare: ( values ) => {
			const verdict = names && names.state;
			if ( verdict && verdict.state === 'done' && verdict.verdict.status !== 'available' ) {
				// Flagged before submit: no request for a name the wiki would refuse.
				return paragraph( msg( 'problem-name' ).text() );
			}
			const prepared: AuthValues = Object.assign( {}, values );
			if ( emailPassword && emailPassword.isSelected() ) {
				delete prepared.password;
				delete prepared.retype;
			}
			if ( forOther ) {
				// Writes by a logged-in user say who they are, so another tab's session switch cannot act.
				prepared.assertuser = mw.config.get( 'wgUserName' ) as string;
			}
			return prepared;
		},
		// The connection dropped after the wiki may have made the account: never "taken" for the
		// person's own new account, and never a second one.
		recover: ( values ) => {
			const username = String( values.username || '' ).trim();
			return creatorOf( api, username ).then( ( creator ) => {
				if ( creator === null ) {
					return null;
				}
				if ( forOther ) {
					return creator === mw.config.get( 'wgUserName' ) ? () => showCreated( username, values ) : null;
				}
				// It exists: the password just typed (held in memory for this only) tells whether it is ours.
				return submitAuth( api, 'login', { username, password: String( values.password || '' ) }, { returnUrl: location.href } )
					.then( ( login ) => ( login.kind === 'pass' || login.kind === 'redirect' ? () => logInAs( username, login ) : null ) );
			} );
		},
		onPass: ( username, values ) => {
			if ( names ) {
				names.dispose();
			}
			if ( forOther ) {
				return showCreated( username, values );
			}
			// Signed up. action=createaccount does not log the new account in (Special:CreateAccount
			// does, within its own request): log in with the name and password just chosen.
			return submitAuth( api, 'login', { username, password: String( values.password || '' ) }, { returnUrl: location.href } )
				.then<void | typeof stayOpen>( ( login ) => {
					if ( login.kind === 'pass' || login.kind === 'redirect' ) {
						return logInAs( username, login );
					}
					panel.update( { isDirty: () => false } );
					panel.showInfo( paragraph( msg( 'created-log-in', username ).text() ) );
					return stayOpen;
				} );
		}
	} );
	if ( resume ) {
		flow.resume();
	} else {
		flow.open();
	}
}

const open: OpenCreatePanel = ( mode, from ) => {
	if ( mode === 'batch' ) {
		openBatch( api, msg );
	} else if ( mode === 'resume' ) {
		openForm( mw.config.get( 'wgUserName' ) && !mw.config.get( 'wgUserIsTemp' ) ? 'other' : 'self', true );
	} else {
		openForm( mode, false, from );
	}
};

whenPanelReady( 'create-account', () => {
	msg = useMessages( messages );
	api = createApi( 'create-account' );
	return open;
} );
