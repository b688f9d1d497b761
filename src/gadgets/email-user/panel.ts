// The email panel: checks that the message can go, then offers subject, message and "send me a
// copy", and sends with one request. Loaded on first use by the stub.
import { ApiClient, createApi } from '../../lib/api';
import { ApiFailure } from '../../lib/errors';
import { loadPanel } from '../../lib/loader';
import { MessageFunction, useMessages } from '../../lib/messages';
import { whenPanelReady } from '../../lib/panel-entry';
import { Panel, describeFailure } from '../../lib/panel';
import type { OpenCreatePanel } from '../create-account/panel';
import { Draft, DraftStore, EmailChecker, Obstacle, Readiness, sendEmail } from './logic';
import messages from 'i18n:./i18n';

export interface OpenOptions {
	/** Known to accept email from the viewer (e.g. marked so in a list). */
	targetKnownEmailable?: boolean;
}

/** MediaWiki shows #t-emailuser only when the page's user can receive email from the viewer. */
function pageShowsEmailLinkFor( target: string ): boolean {
	return target === mw.config.get( 'wgRelevantUserName' ) && !!document.getElementById( 't-emailuser' );
}

export type OpenEmailPanel = ( target: string, options?: OpenOptions ) => void;

// Set up once, when the panel module first runs (see start()).
let msg: MessageFunction;
let api: ApiClient;
let sender: string | null;
let checker: EmailChecker;

/** A user name shown inside a message, as text: never parsed as HTML or wikitext. */
function nameNode( name: string ): JQuery {
	return $( '<bdi>' ).text( name );
}

function linkNode( title: string, text: string ): JQuery {
	return $( '<a>' ).attr( 'href', mw.util.getUrl( title ) ).text( text );
}

function explainObstacle( obstacle: Obstacle, target: string, readiness: Readiness, onSignUp: () => void ): HTMLElement {
	const node = document.createElement( 'p' );
	const messages: Record<Obstacle, () => mw.Message> = {
		anon: () => msg( 'obstacle-anon', linkNode( 'Special:UserLogin', msg( 'obstacle-anon-link' ).text() )[ 0 ] ),
		temporary: () => msg( 'obstacle-temporary' ),
		'no-address': () => msg( 'obstacle-no-address', linkNode( 'Special:Preferences#mw-prefsection-personal-email', msg( 'obstacle-no-address-link' ).text() )[ 0 ] ),
		unconfirmed: () => msg( 'obstacle-unconfirmed', linkNode( 'Special:ConfirmEmail', msg( 'obstacle-unconfirmed-link' ).text() )[ 0 ] ),
		'no-right': () => msg( 'obstacle-no-right' ),
		// The reason as Special:EmailUser shows it: rendered by the wiki, which escapes whatever
		// the blocking admin typed (the raw wikitext would show its brackets); as text if it could not be.
		blocked: () => {
			const block = readiness.block || { by: '', reason: '', reasonHtml: null };
			const reason = block.reasonHtml !== null ? $( '<span>' ).html( block.reasonHtml ) : nameNode( block.reason );
			return msg( 'obstacle-blocked', nameNode( block.by )[ 0 ], reason[ 0 ] );
		},
		'target-missing': () => msg( 'obstacle-target-missing', nameNode( target )[ 0 ] ),
		'target-unemailable': () => msg( 'obstacle-target-unemailable', nameNode( target )[ 0 ],
			linkNode( `User talk:${ target }`, msg( 'obstacle-target-unemailable-link' ).text() )[ 0 ] )
	};
	$( node ).append( messages[ obstacle ]().parseDom() );
	if ( obstacle === 'temporary' ) {
		// The way forward: an account of one's own, from the sign-up panel, keeping the page as it is.
		const signUp = new OO.ui.ButtonWidget( { label: msg( 'obstacle-temporary-sign-up' ).text(), flags: [ 'primary', 'progressive' ] } );
		signUp.on( 'click', () => {
			onSignUp();
			loadPanel<OpenCreatePanel>( 'create-account' ).then( ( openCreate ) => openCreate( 'self' ) );
		} );
		const wrapper = document.createElement( 'div' );
		wrapper.append( node, signUp.$element[ 0 ] );
		return wrapper;
	}
	return node;
}

// Errors whose wiki text would not tell the person what to do next.
const sessionLost = (): mw.Message => msg( 'error-session' );
const knownFailures: Record<string, () => mw.Message> = {
	badtoken: sessionLost,
	assertuserfailed: sessionLost,
	assertnameduserfailed: sessionLost,
	notloggedin: sessionLost
};

interface EmailForm {
	element: HTMLElement;
	subject: OO.ui.TextInputWidget;
	read(): Draft;
}

function buildForm( draft: Draft, restored: boolean, onChange: () => void ): EmailForm {
	const subject = new OO.ui.TextInputWidget( { value: draft.subject } );
	const text = new OO.ui.MultilineTextInputWidget( { value: draft.text, rows: 8, autosize: true, maxRows: 20 } );
	const ccme = new OO.ui.CheckboxInputWidget( { selected: draft.ccme } );
	subject.on( 'change', onChange );
	text.on( 'change', onChange );
	ccme.on( 'change', onChange );
	const fields = new OO.ui.FieldsetLayout( {
		items: [
			new OO.ui.FieldLayout( subject, { label: msg( 'subject-label' ).text(), align: 'top' } ),
			new OO.ui.FieldLayout( text, { label: msg( 'message-label' ).text(), align: 'top' } ),
			new OO.ui.FieldLayout( ccme, { label: msg( 'ccme-label' ).text(), align: 'inline' } )
		]
	} );
	const element = document.createElement( 'div' );
	if ( restored ) {
		const note = new OO.ui.MessageWidget( { type: 'notice', inline: true, label: msg( 'draft-restored' ).text() } );
		element.appendChild( note.$element[ 0 ] );
	}
	element.appendChild( fields.$element[ 0 ] );
	return {
		element,
		subject,
		read: () => ( { subject: subject.getValue(), text: text.getValue(), ccme: ccme.isSelected() } )
	};
}

const open: OpenEmailPanel = ( target, options = {} ) => {
	const drafts = new DraftStore( mw.storage.session, mw.config.get( 'wgWikiID' ), target );
	let form: EmailForm | null = null;
	let defaultSubject = '';
	const panel = new Panel( {
		title: msg( 'panel-title', target ).text(),
		submitLabel: msg( 'send' ).text(),
		isDirty: () => {
			const draft = form && form.read();
			return !!draft && ( draft.text !== '' || draft.subject !== defaultSubject );
		},
		initialFocus: () => form && form.subject,
		submit: () => {
			const draft = ( form as EmailForm ).read();
			return sendEmail( api, sender as string, target, draft ).then( () => {
				drafts.clear();
				mw.notify( $( '<span>' ).append( msg( 'sent', nameNode( target )[ 0 ] ).parseDom() ), { type: 'success' } );
			}, ( failure: ApiFailure ) => {
				throw describeFailure( failure, msg, knownFailures );
			} );
		}
	}, msg );
	panel.open();
	if ( options.targetKnownEmailable || pageShowsEmailLinkFor( target ) ) {
		checker.knowEmailable( target );
	}
	checker.check( target ).then( ( readiness ) => {
		if ( readiness.obstacle ) {
			panel.showInfo( explainObstacle( readiness.obstacle, target, readiness, () => panel.close() ) );
			return;
		}
		defaultSubject = readiness.defaultSubject;
		const saved = drafts.load();
		const currentForm = buildForm( saved || { subject: defaultSubject, text: '', ccme: false }, !!saved, () => {
			drafts.save( currentForm.read() );
		} );
		form = currentForm;
		panel.showForm( currentForm.element );
	}, ( failure: ApiFailure ) => {
		panel.showInfo( describeFailure( failure, msg, knownFailures ) );
	} );
};

whenPanelReady( 'email-user', () => {
	msg = useMessages( messages );
	api = createApi( 'email-user' );
	sender = mw.config.get( 'wgUserName' );
	// mw.user.isTemp exists from 1.41 on: test for the function, not the version.
	const temporary = !!( mw.user.isTemp && mw.user.isTemp() );
	checker = new EmailChecker( api, sender, mw.config.get( 'wgContentLanguage' ), temporary );
	return open;
} );
