// An AuthManager flow in a panel, shared by login and account creation: the first form (asked
// afresh after every failure, since the wiki may add a captcha), each further step the wiki asks
// for, a provider that redirects (and the panel that resumes when the browser is back), and
// nothing typed lost except passwords after a failure. Each panel says what differs: what
// happens on PASS, what a new password is compared with, what it adds to a field.
import { ApiClient } from './api';
import { RenderedFields, renderAuthFields } from './auth-fields';
import {
	AuthAction, AuthField, AuthForm, AuthStep, AuthValues,
	fetchAuthForm, isWarning, keptValues, resumeKey, resumeValues, returnUrlKey, submitAuth
} from './authmanager';
import { ApiFailure } from './errors';
import { MessageFunction } from './messages';
import { Panel, describeFailure, stayOpen } from './panel';
import { PasswordContext } from './password-validity';
import { keepEdit, restoreEdit, returnToOf } from './session';

export interface AuthFlowSpec {
	which: AuthAction;
	/** The gadget whose panel this is: it is opened again after a redirecting provider. */
	gadget: string;
	/** The address of the link the panel was opened from, if any: its `returnto` is kept. */
	from?: string;
	api: ApiClient;
	msg: MessageFunction;
	panel: Panel;
	/** Labels of the primary action on the first form and on further steps. */
	submitLabel: string;
	continueLabel: string;
	passwordContext: ( values: AuthValues ) => PasswordContext;
	/** Our own messages for some FAIL codes; the wiki's message for all others. */
	knownFailures?: Record<string, () => mw.Message>;
	/** What the flow adds to a field (see renderAuthFields). */
	decorate?: ( field: AuthField, widget: OO.ui.Widget, element: HTMLElement ) => void;
	/** Shown instead of the first form, e.g. when the wiki does not allow creating accounts. */
	refuse?: ( form: AuthForm ) => HTMLElement | null;
	/** Shown under the first form (e.g. "Forgot your password?"). */
	footer?: ( fields: RenderedFields ) => HTMLElement | null;
	/** What is sent for what was typed; a node to show instead of sending. */
	prepare?: ( values: AuthValues ) => AuthValues | HTMLElement;
	/** Done: what the panel does then (the flow has cleared every password). */
	onPass: ( username: string, values: AuthValues ) => Promise<void | typeof stayOpen>;
	/**
	 * After an answer was lost on the way back (the wiki may have done what was asked), called
	 * before anything is sent again with what is about to be sent: finds out whether it was done,
	 * and resolves with how the panel then ends, or with null to send it again.
	 */
	recover?: ( values: AuthValues ) => Promise<( () => Promise<void | typeof stayOpen> ) | null>;
}

function wikiText( html: string ): HTMLElement {
	// The wiki's own message (messageformat=html), escaping whatever a user typed.
	const node = document.createElement( 'p' );
	node.innerHTML = html;
	return node;
}

/**
 * The wiki's own login or sign-up page, for a step the panel cannot show: the name typed so far
 * filled in, and, when done, where the link the panel was opened from would have gone, or back to
 * this page (with its query, e.g. an edit form).
 *
 * @param which
 * @param username
 * @param from the address of the link the panel was opened from, if any
 */
export function wikiPageUrl( which: AuthFlowSpec[ 'which' ], username: string, from?: string ): string {
	const elsewhere = returnToOf( from );
	const query: Record<string, string> = elsewhere ? { ...elsewhere } as Record<string, string> : { returnto: mw.config.get( 'wgPageName' ) };
	const rest = location.search.replace( /^\?/, '' ).split( '&' ).filter( ( pair ) => pair && !/^title=/.test( pair ) ).join( '&' );
	if ( !elsewhere && rest ) {
		// As the address has it (still encoded): MediaWiki appends it to the page's address as it is.
		query.returntoquery = rest;
	}
	if ( username ) {
		query.wpName = username;
	}
	return mw.util.getUrl( which === 'login' ? 'Special:UserLogin' : 'Special:CreateAccount', query );
}

// What the panel says when it hands a step over to the wiki's page, and the button's label.
const handOverMessages = {
	login: { sentence: 'auth-elsewhere-login', button: 'auth-elsewhere-continue-login' },
	create: { sentence: 'auth-elsewhere-create', button: 'auth-elsewhere-continue-create' }
};

function sameFields( before: AuthField[], after: AuthField[] ): boolean {
	const names = ( fields: AuthField[] ): string => fields.map( ( field ) => field.name ).join( '|' );
	return names( before ) === names( after );
}

/**
 * Sends the browser to a provider elsewhere that the wiki's answer named (REDIRECT: single
 * sign-on, OAuth); the panel of `gadget` finishes the flow when the provider sends the browser
 * back (see AuthFlow#resume), and an edit in the wikitext form is there again (see keepEdit).
 * Never settles: the page is going away.
 *
 * @param gadget
 * @param target the provider's address
 */
export function goToProvider( gadget: string, target: string ): Promise<never> {
	keepEdit();
	// Without storage the provider still does its part; only the panel does not reopen.
	mw.storage.session.set( resumeKey, gadget );
	// This page, which the flow gave the wiki as its return URL (the panel has not left it).
	mw.storage.session.set( returnUrlKey, location.href );
	location.assign( target );
	return new Promise<never>( () => {
		// Never settles.
	} );
}

export class AuthFlow {
	private readonly spec: AuthFlowSpec;
	private fields: RenderedFields | null = null;
	private shown: AuthField[] = [];
	private token: string | undefined;
	private continuing = false;
	/** The name typed on the first form, for the wiki's page if a later step must go there. */
	private username = '';
	/** Whether the last submission's answer never came (see spec.recover). */
	private answerLost = false;

	public constructor( spec: AuthFlowSpec ) {
		this.spec = spec;
		spec.panel.update( {
			initialFocus: () => this.fields && this.fields.first(),
			submit: () => this.submit(),
			onClose: () => this.fields && this.fields.dispose()
		} );
	}

	/** The values typed so far. */
	public values(): AuthValues {
		return this.fields ? this.fields.values() : {};
	}

	/** Whether the person has typed anything (the wiki's hidden values do not count). */
	public hasTyped(): boolean {
		const values = this.values();
		return this.shown.some( ( field ) => field.type !== 'hidden' && typeof values[ field.name ] === 'string' && values[ field.name ] !== '' );
	}

	private draw( step: AuthField[], intro: string, kept: AuthValues ): void {
		const { spec } = this;
		if ( this.fields ) {
			this.fields.dispose();
		}
		const fields = renderAuthFields( step, {
			msg: spec.msg,
			api: spec.api,
			passwordContext: spec.passwordContext,
			values: kept,
			onSubmit: () => spec.panel.submit(),
			decorate: spec.decorate
		} );
		this.fields = fields;
		this.shown = step;
		const form = document.createElement( 'div' );
		if ( intro ) {
			form.appendChild( wikiText( intro ) );
		}
		form.appendChild( fields.element );
		const footer = !this.continuing && spec.footer && spec.footer( fields );
		if ( footer ) {
			form.appendChild( footer );
		}
		spec.panel.update( { submitLabel: this.continuing ? spec.continueLabel : spec.submitLabel } );
		spec.panel.showForm( form );
	}

	/**
	 * Shows the first form, asked afresh, keeping what can be kept of `kept`.
	 *
	 * @param kept
	 * @param keepPasswords see keptValues
	 */
	public start( kept: AuthValues = {}, keepPasswords = false ): Promise<void> {
		this.continuing = false;
		return fetchAuthForm( this.spec.api, this.spec.which ).then( ( form ) => {
			const refusal = this.spec.refuse && this.spec.refuse( form );
			if ( refusal ) {
				this.spec.panel.showInfo( refusal );
				return;
			}
			this.token = form.token;
			if ( form.elsewhere ) {
				this.handOver();
				return;
			}
			this.draw( form.fields, '', keptValues( this.shown, form.fields, kept, keepPasswords ) );
		} );
	}

	/** Opens the panel on its first form. */
	public open(): void {
		// The form is asked for first: the window takes a moment to build, the wiki longer to answer.
		const started = this.start();
		this.spec.panel.open();
		started.then( null, ( failure: ApiFailure ) => {
			this.spec.panel.showInfo( describeFailure( failure, this.spec.msg ) );
		} );
	}

	/**
	 * Opens the panel where a redirecting provider left off: it continues with what the provider
	 * put into the address. Opens nothing if the browser came back another way (the person left
	 * the provider, with Back or a link): the flow is over, and this page view is not its return.
	 */
	public resume(): void {
		const { panel, msg } = this.spec;
		const returnUrl = mw.storage.session.get( returnUrlKey );
		mw.storage.session.remove( resumeKey );
		mw.storage.session.remove( returnUrlKey );
		const values = returnUrl && resumeValues( location.href, returnUrl );
		restoreEdit( values ? returnUrl : null );
		if ( !values ) {
			return;
		}
		// The provider's values are used up: the address goes back to the page as it was (and a
		// reload once logged in reloads that).
		history.replaceState( history.state, '', returnUrl );
		panel.open();
		this.continuing = true;
		submitAuth( this.spec.api, this.spec.which, values, { continuing: true } )
			.then( ( step ) => this.follow( step, {} ) )
			.then( ( result ) => {
				// Done, as after a submit (see Panel#runSubmit): the page goes on logged in, an edit
				// form under the panel too.
				if ( result !== stayOpen ) {
					panel.close();
				}
			}, ( problem: ApiFailure | HTMLElement ) => {
				const node = problem instanceof HTMLElement ? problem : describeFailure( problem, msg );
				if ( this.fields ) {
					panel.showError( node );
				} else {
					panel.showInfo( node );
				}
			} );
	}

	/**
	 * A step the panel cannot show: one plain sentence and the way to the wiki's own page, with
	 * the name filled in; the passwords typed here are forgotten.
	 */
	private handOver(): void {
		const { spec } = this;
		const node = document.createElement( 'div' );
		const sentence = document.createElement( 'p' );
		sentence.textContent = spec.msg( handOverMessages[ spec.which ].sentence ).text();
		const link = new OO.ui.ButtonWidget( {
			label: spec.msg( handOverMessages[ spec.which ].button ).text(),
			href: wikiPageUrl( spec.which, this.username, spec.from ),
			flags: [ 'primary', 'progressive' ]
		} );
		// It goes to another page: a link, for screen readers too (OOUI calls every button one).
		link.$button.removeAttr( 'role' );
		node.appendChild( sentence );
		node.appendChild( link.$element[ 0 ] );
		if ( this.fields ) {
			this.fields.clearPasswords();
			this.fields.dispose();
			this.fields = null;
		}
		this.shown = [];
		spec.panel.update( { initialFocus: () => link } );
		spec.panel.showInfo( node );
	}

	private follow( step: AuthStep, values: AuthValues ): Promise<void | typeof stayOpen> {
		const { spec } = this;
		if ( step.kind === 'elsewhere' ) {
			this.handOver();
			return Promise.resolve( stayOpen );
		}
		if ( step.kind === 'pass' ) {
			if ( this.fields ) {
				this.fields.clearPasswords();
			}
			return spec.onPass( step.username || String( values.username || '' ), values );
		}
		if ( step.kind === 'form' ) {
			// The same fields again (a wrong code): the wiki's message is an error, not an intro.
			const again = this.continuing && sameFields( this.shown, step.fields );
			this.continuing = true;
			this.draw( step.fields, again ? '' : step.html, keptValues( this.shown, step.fields, values ) );
			if ( again && step.html ) {
				throw wikiText( step.html );
			}
			return Promise.resolve( stayOpen );
		}
		if ( step.kind === 'redirect' ) {
			return goToProvider( spec.gadget, step.target );
		}
		// FAIL: the wiki's reason; the first form comes back with what was typed, without passwords
		// (but with them after a warning, which the same submission passes).
		const reason = describeFailure( { kind: 'api', code: step.code, html: step.html }, spec.msg, spec.knownFailures );
		const warned = isWarning( step.code );
		if ( this.fields && !warned ) {
			this.fields.clearPasswords();
		}
		return this.start( values, warned ).then( () => {
			throw reason;
		} );
	}

	private submit(): Promise<void | typeof stayOpen> {
		const { spec } = this;
		const fields = this.fields as RenderedFields;
		const typed = fields.values();
		if ( !this.continuing && typeof typed.username === 'string' ) {
			this.username = typed.username;
		}
		const prepared = spec.prepare ? spec.prepare( typed ) : typed;
		if ( prepared instanceof HTMLElement ) {
			return Promise.reject( prepared );
		}
		// A retype that differs is found here, without asking (unless no password is being sent).
		const problem = prepared.retype !== undefined ? fields.problem() : null;
		if ( problem ) {
			return Promise.reject( wikiText( mw.html.escape( problem ) ) );
		}
		const submission = this.continuing ? { continuing: true } : { token: this.token, returnUrl: location.href };
		const send = (): Promise<void | typeof stayOpen> => submitAuth( spec.api, spec.which, prepared, submission )
			.then( ( step ) => {
				this.answerLost = false;
				return this.follow( step, typed );
			}, ( failure: ApiFailure | HTMLElement ) => {
				if ( !( failure instanceof HTMLElement ) && failure.kind === 'network' ) {
					this.answerLost = true;
				}
				throw failure instanceof HTMLElement ? failure : describeFailure( failure, spec.msg, spec.knownFailures );
			} );
		if ( this.answerLost && spec.recover && !this.continuing ) {
			// Done exactly once: whether the lost one was done decides, before anything is sent again.
			return spec.recover( prepared ).then( ( ending ) => {
				if ( !ending ) {
					return send();
				}
				this.answerLost = false;
				if ( this.fields ) {
					this.fields.clearPasswords();
				}
				return ending();
			}, ( failure: ApiFailure ) => {
				throw describeFailure( failure, spec.msg );
			} );
		}
		return send();
	}
}
