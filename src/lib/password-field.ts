// A password field for any panel: show/hide, the browser's password autocomplete hints, and,
// for new passwords, the wiki's live verdict beside it (see password-validity.ts).
import { ApiClient } from './api';
import { MessageFunction } from './messages';
import { CheckState, PasswordContext, PasswordValidator } from './password-validity';

export interface PasswordFieldOptions {
	label: string;
	/** 'new-password' for a password being chosen, 'current-password' for one being proven. */
	autocomplete: 'new-password' | 'current-password';
	/** Ask the wiki about each value, comparing it with what this returns. */
	validate?: { api: ApiClient; context: () => PasswordContext };
}

export class PasswordField {
	public readonly input: OO.ui.TextInputWidget;
	public readonly layout: OO.ui.FieldLayout;
	private readonly verdict = document.createElement( 'div' );
	private readonly validator: PasswordValidator | null = null;
	private readonly context: () => PasswordContext = () => ( {} );
	private readonly msg: MessageFunction;

	public constructor( options: PasswordFieldOptions, msg: MessageFunction ) {
		this.msg = msg;
		this.input = new OO.ui.TextInputWidget( { type: 'password' } );
		this.input.$input.attr( 'autocomplete', options.autocomplete );
		const toggle = new OO.ui.ToggleButtonWidget( { label: msg( 'password-show' ).text(), value: false } );
		toggle.on( 'change', ( shown: boolean ) => {
			this.input.$input.attr( 'type', shown ? 'text' : 'password' );
			toggle.setLabel( msg( shown ? 'password-hide' : 'password-show' ).text() );
		} );
		// The verdict is announced as it changes, and tied to the field for screen readers.
		this.verdict.className = 'account-gadgets-password-verdict';
		this.verdict.setAttribute( 'aria-live', 'polite' );
		this.verdict.id = `${ this.input.getInputId() }-verdict`;
		this.input.$input.attr( 'aria-describedby', this.verdict.id );
		// The typings want a ButtonWidget; a ToggleButtonWidget is one in all but name.
		this.layout = new OO.ui.ActionFieldLayout( this.input, toggle as unknown as OO.ui.ButtonWidget, { label: options.label, align: 'top' } );
		this.layout.$element.append( this.verdict );
		if ( options.validate ) {
			this.context = options.validate.context;
			this.validator = new PasswordValidator( options.validate.api, ( state ) => this.show( state ), window );
			this.input.on( 'change', () => this.recheck() );
		}
	}

	public getValue(): string {
		return this.input.getValue();
	}

	/** Asks again when something the password is compared with (the username…) changed. */
	public recheck(): void {
		if ( this.validator ) {
			this.validator.update( this.getValue(), this.context() );
		}
	}

	private show( state: CheckState ): void {
		this.verdict.textContent = '';
		if ( state.state === 'empty' ) {
			return;
		}
		if ( state.state === 'checking' ) {
			this.verdict.textContent = this.msg( 'password-checking' ).text();
			return;
		}
		if ( state.state === 'failed' ) {
			// The wiki's own reason when it gave one (HTML it made, in the user's language).
			const $label = $( '<div>' ).text( this.msg( 'password-check-failed' ).text() ).append( state.html ? $( '<div>' ).html( state.html ) : [] );
			this.verdict.appendChild( new OO.ui.MessageWidget( { type: 'warning', inline: true, label: $label } ).$element[ 0 ] );
			return;
		}
		const { validity, messages } = state.verdict;
		const summary = { Good: 'password-good', Change: 'password-change', Invalid: 'password-invalid' }[ validity ];
		const $label = $( '<div>' ).append( $( '<strong>' ).text( this.msg( summary ).text() ) );
		if ( messages.length ) {
			// The wiki's own policy messages (errorformat=html), in the user's language.
			$label.append( $( '<ul>' ).append( messages.map( ( html ) => $( '<li>' ).html( html ) ) ) );
		}
		const type = { Good: 'success', Change: 'warning', Invalid: 'error' }[ validity ] as 'success' | 'warning' | 'error';
		this.verdict.appendChild( new OO.ui.MessageWidget( { type, inline: true, label: $label } ).$element[ 0 ] );
		this.verdict.setAttribute( 'data-validity', validity );
	}

	/** Shows a note of the panel's own in the verdict area (e.g. the retype does not match), or clears it. */
	public note( text: string | null ): void {
		this.verdict.textContent = '';
		if ( text ) {
			this.verdict.appendChild( new OO.ui.MessageWidget( { type: 'error', inline: true, label: text } ).$element[ 0 ] );
		}
	}

	/** Stops checking and forgets every value: the panel is closing. */
	public dispose(): void {
		if ( this.validator ) {
			this.validator.dispose();
		}
		this.input.setValue( '' );
	}
}
