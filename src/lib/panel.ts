// The panel shell every gadget opens: an OOUI process dialog with a title, one primary action and
// a cancel action, an error area that screen readers announce, and the rules every panel shares:
// Esc and Cancel ask before throwing a draft away, Ctrl+Enter submits, the primary action cannot
// run twice at once, and focus returns to where the person was.
import { ApiFailure, isFailure } from './errors';
import { MessageFunction } from './messages';
import styles from './panel.css';

export interface PanelSpec {
	title: string;
	/** Label of the primary action (e.g. "Send"). */
	submitLabel: string;
	/**
	 * Runs on the primary action. Resolve to close the panel, or with `stayOpen` when it now shows
	 * a next step; reject with an ApiFailure or a node to show.
	 */
	submit: () => Promise<void | typeof stayOpen>;
	/** Whether closing would lose something the person typed. */
	isDirty: () => boolean;
	/** Where focus goes when the panel opens. */
	initialFocus?: () => Focusable | null;
	/** Where focus goes back to when the panel closes; by default, where it was when it opened. */
	returnFocus?: HTMLElement | null;
	/** Label of the action that closes the panel; "Cancel" by default. */
	closeLabel?: string;
	/** Runs once the panel has closed (e.g. to forget passwords). */
	onClose?: () => void;
}

/** What a submit resolves with when the panel goes on to another step instead of closing. */
export const stayOpen = 'stay-open';

type DialogMode = 'loading' | 'form' | 'info';

/** What we use of a process dialog that the OOUI typings leave out. */
interface ProcessDialogInternals extends OO.ui.ProcessDialog {
	actions: OO.ui.ActionSet;
	$body: JQuery;
}

export interface Focusable {
	focus(): unknown;
}

let panelCount = 0;

let windowManager: OO.ui.WindowManager | null = null;

function getWindowManager(): OO.ui.WindowManager {
	if ( !windowManager ) {
		windowManager = new OO.ui.WindowManager();
		// Ready as soon as it is set up, not after OOUI's 250 ms zoom-in: the form can be used
		// while the frame still grows (OOUI waits only so that focus moves once it is in place).
		windowManager.getReadyDelay = () => 0;
		$( document.body ).append( windowManager.$element );
		mw.util.addCSS( styles );
	}
	return windowManager;
}

/**
 * A paragraph of text or nodes (a message's parseDom(), text escaped by jQuery).
 *
 * @param content
 */
export function paragraph( content: JQuery<JQuery.Node> | string ): HTMLElement {
	const element = document.createElement( 'p' );
	$( element ).append( content );
	return element;
}

/**
 * The node that explains a failure: the wiki's own message for API errors (HTML the wiki made,
 * in the user's language), ours for network trouble.
 *
 * @param failure
 * @param msg
 * @param known our own messages for specific API error codes, by code
 */
export function describeFailure(
	failure: ApiFailure,
	msg: MessageFunction,
	known: Record<string, () => mw.Message> = {}
): HTMLElement {
	const node = document.createElement( 'div' );
	if ( failure.kind === 'network' ) {
		node.textContent = msg( failure.reason === 'timeout' ? 'error-timeout' : 'error-network' ).text();
	} else if ( failure.kind === 'aborted' ) {
		node.textContent = msg( 'error-network' ).text();
	} else if ( known[ failure.code ] ) {
		$( node ).append( known[ failure.code ]().parseDom() );
	} else if ( failure.html ) {
		// errorformat=html: the wiki rendered its own message, escaping whatever the user sent.
		node.innerHTML = failure.html;
	} else {
		node.textContent = msg( 'error-unknown', failure.code ).text();
	}
	return node;
}

export class Panel {
	private readonly spec: PanelSpec;
	private readonly msg: MessageFunction;
	private readonly dialog: ProcessDialogInternals;
	private readonly name = `accountGadgetsPanel${ ++panelCount }`;
	private readonly content = new OO.ui.PanelLayout( { padded: true, expanded: false } );
	private readonly alert = document.createElement( 'div' );
	private readonly body = document.createElement( 'div' );
	private mode: DialogMode = 'loading';
	private confirming = false;
	/** Settles once the window is ready (see show()). */
	private readonly ready: Promise<void>;
	private markReady: () => void = () => undefined;

	public constructor( spec: PanelSpec, msg: MessageFunction ) {
		this.spec = Object.assign( { returnFocus: document.activeElement as HTMLElement | null }, spec );
		this.msg = msg;
		this.alert.className = 'account-gadgets-alert';
		this.alert.setAttribute( 'role', 'alert' );
		// What replaces the loading state (a form, or why there is none) is announced.
		this.body.setAttribute( 'aria-live', 'polite' );
		this.content.$element.append( this.alert, this.body );
		this.ready = new Promise<void>( ( resolve ) => {
			this.markReady = resolve;
		} );
		this.dialog = this.createDialog();
	}

	private createDialog(): ProcessDialogInternals {
		// OO.inheritClass rather than `class extends`: OOUI reads statics from Constructor.static,
		// which a class would share with ProcessDialog itself.
		// eslint-disable-next-line @typescript-eslint/no-this-alias
		const panel = this;
		const Dialog = function ( this: OO.ui.ProcessDialog, config: OO.ui.ProcessDialog.ConfigOptions ) {
			( Dialog as unknown as OO.ui.ProcessDialog.Constructor ).super.call( this, config );
		} as unknown as OO.ui.ProcessDialog.Constructor;
		OO.inheritClass( Dialog, OO.ui.ProcessDialog );
		Dialog.static.name = this.name;
		Dialog.static.title = this.spec.title;
		Dialog.static.actions = [
			{ action: 'submit', label: this.spec.submitLabel, flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
			{ action: 'cancel', label: this.spec.closeLabel || this.msg( 'panel-cancel' ).text(), flags: [ 'safe', 'close' ], modes: [ 'loading', 'form', 'info' ] }
		];
		const parent = OO.ui.ProcessDialog.prototype;
		Dialog.prototype.getSetupProcess = function ( this: ProcessDialogInternals, data?: OO.ui.Dialog.SetupDataMap ) {
			return parent.getSetupProcess.call( this, data ).next( () => {
				this.actions.setMode( panel.mode );
			} );
		};
		Dialog.prototype.initialize = function ( this: ProcessDialogInternals ) {
			parent.initialize.call( this );
			this.$body.append( panel.content.$element );
			// Grow with the content: verdicts and errors appear after the panel is shown.
			if ( window.ResizeObserver ) {
				new ResizeObserver( () => this.updateSize() ).observe( panel.content.$element[ 0 ] );
			}
			return this;
		};
		Dialog.prototype.getBodyHeight = function () {
			return panel.content.$element.outerHeight( true ) || 200;
		};
		Dialog.prototype.getReadyProcess = function ( this: ProcessDialogInternals, data?: object ) {
			// OOUI has just moved focus to the window: what the panel shows from now on keeps it.
			return parent.getReadyProcess.call( this, data ).next( () => panel.markReady() );
		};
		Dialog.prototype.getTeardownProcess = function ( this: ProcessDialogInternals, data?: object ) {
			return parent.getTeardownProcess.call( this, data ).next( () => {
				if ( panel.spec.onClose ) {
					panel.spec.onClose();
				}
				if ( panel.spec.returnFocus ) {
					panel.spec.returnFocus.focus();
				}
			} );
		};
		Dialog.prototype.getActionProcess = function ( action?: string ) {
			if ( action === 'submit' ) {
				return new OO.ui.Process( () => panel.runSubmit() );
			}
			// '' is what Esc sends; 'cancel' is the button.
			return new OO.ui.Process( () => panel.confirmClose() );
		};
		// 'medium', and full screen where the screen is narrower (OOUI does that by itself).
		return new Dialog( { size: 'medium', classes: [ 'account-gadgets-panel' ] } ) as ProcessDialogInternals;
	}

	private runSubmit(): JQuery.Promise<void> {
		const done = $.Deferred<void>();
		this.showError( null );
		// The dialog is pending for as long as this runs, and OOUI ignores action clicks while it
		// is pending: a double click submits once.
		this.spec.submit().then(
			( result ) => {
				done.resolve();
				if ( result !== stayOpen ) {
					this.close();
				}
			},
			( problem: unknown ) => {
				let shown: HTMLElement;
				if ( problem instanceof HTMLElement ) {
					shown = problem;
				} else if ( isFailure( problem ) ) {
					shown = describeFailure( problem, this.msg );
				} else {
					// A bug of ours, not the wiki's answer: still say something, and keep the form.
					shown = describeFailure( { kind: 'api', code: 'internal', html: '' }, this.msg );
				}
				this.showError( shown );
				done.resolve();
			}
		);
		return done.promise();
	}

	private confirmClose(): JQuery.Promise<void> | void {
		if ( !this.spec.isDirty() ) {
			this.close();
			return undefined;
		}
		if ( this.confirming ) {
			// A second Esc while the question is opening: one question is enough.
			return undefined;
		}
		this.confirming = true;
		return OO.ui.confirm( this.msg( 'panel-discard-question' ).text() ).then( ( discard: boolean ) => {
			this.confirming = false;
			if ( discard ) {
				this.close();
			}
		} );
	}

	/** Runs the primary action, as its button does (e.g. on Enter in a field). */
	public submit(): void {
		if ( this.mode === 'form' && !this.dialog.isPending() ) {
			this.dialog.executeAction( 'submit' );
		}
	}

	/** Changes what the panel does, once it knows more (e.g. the form it shows). */
	public update( changes: Partial<PanelSpec> ): void {
		Object.assign( this.spec, changes );
		if ( changes.submitLabel ) {
			// A next step names its own action ("Continue").
			this.dialog.actions.get( { actions: 'submit' } ).forEach( ( action ) => action.setLabel( changes.submitLabel as string ) );
		}
	}

	/** Opens the panel in its loading state; fill it with showForm() or showInfo(). */
	public open(): void {
		const manager = getWindowManager();
		manager.addWindows( [ this.dialog ] );
		manager.openWindow( this.dialog );
		this.dialog.pushPending();
	}

	/**
	 * Puts a form or an explanation in the panel, once the window is ready: OOUI moves focus to
	 * the window then, so a form shown earlier could lose what the person had started typing into
	 * it, or send it to another field.
	 *
	 * @param mode
	 * @param node
	 * @param focus move focus to spec.initialFocus
	 */
	private show( mode: DialogMode, node: HTMLElement, focus = false ): void {
		this.ready.then( () => {
			this.body.textContent = '';
			this.body.appendChild( node );
			// Only the loading state is undone here; a step shown during a submit stays pending
			// until the submit settles.
			if ( this.mode === 'loading' ) {
				this.dialog.popPending();
			}
			this.mode = mode;
			this.dialog.actions.setMode( mode );
			this.dialog.updateSize();
			const widget = focus && this.spec.initialFocus && this.spec.initialFocus();
			if ( widget ) {
				widget.focus();
			}
		} );
	}

	/** Shows a form; its primary action runs spec.submit. */
	public showForm( form: HTMLElement ): void {
		this.show( 'form', form, true );
	}

	/** Shows an explanation instead of a form: only Cancel remains. */
	public showInfo( info: HTMLElement ): void {
		this.show( 'info', info, true );
	}

	/** Shows (or, with null, clears) the error above the form. */
	public showError( node: HTMLElement | null ): void {
		this.alert.textContent = '';
		if ( node ) {
			const message = new OO.ui.MessageWidget( { type: 'error', label: $( node ) } );
			// The area around it is the live region already; a second role=alert inside it would
			// be announced twice.
			message.$element.removeAttr( 'role' );
			this.alert.appendChild( message.$element[ 0 ] );
		}
		this.dialog.updateSize();
	}

	public close(): void {
		const manager = this.dialog.getManager();
		this.dialog.close().closed.then( () => manager.removeWindows( [ this.name ] ) );
	}
}
