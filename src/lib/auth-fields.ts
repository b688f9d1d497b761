// The one renderer for AuthManager fields (see authmanager.ts): every flow that asks AuthManager
// (login, account creation, re-authentication) draws its steps with it. A field type the wiki may
// send is one case here; no field name is required, and names only refine browser hints.
import { ApiClient } from './api';
import { AuthField, AuthValues } from './authmanager';
import { MessageFunction } from './messages';
import { Focusable } from './panel';
import { PasswordField } from './password-field';
import { PasswordContext, retypeMatches } from './password-validity';

export interface AuthFieldOptions {
	msg: MessageFunction;
	/** For the live check of a new password (a step with a `retype` field). */
	api: ApiClient;
	/** What a new password is compared with, from the values typed so far. */
	passwordContext: ( values: AuthValues ) => PasswordContext;
	/** Values to start with (kept from the previous form). */
	values?: AuthValues;
	/** Enter in a text field, or a button field, submits the step. */
	onSubmit: () => void;
	/**
	 * Called with each field drawn, its widget and the element around it, for what one flow adds
	 * to a field (the live username check of sign-up, hiding passwords when one is emailed).
	 */
	decorate?: ( field: AuthField, widget: OO.ui.Widget, element: HTMLElement ) => void;
}

export interface RenderedFields {
	element: HTMLElement;
	/** The values to send, by field name; unchecked checkboxes and untouched buttons are left out. */
	values(): AuthValues;
	/** The first field a person fills in. */
	first(): Focusable | null;
	/** A problem found without asking the wiki (the retype differs), or null. */
	problem(): string | null;
	/** Forgets every password typed (after a final failure, or when the panel closes). */
	clearPasswords(): void;
	dispose(): void;
}

// Browser hints by the names MediaWiki and its extensions use; other names get none.
const autocompleteHints: Record<string, string> = {
	username: 'username',
	email: 'email',
	realname: 'name',
	OATHToken: 'one-time-code',
	captchaWord: 'off'
};

function html( text: string ): JQuery {
	// Labels, help and messages come with messageformat=html: the wiki made them, escaping
	// whatever a user typed.
	return $( '<span>' ).html( text );
}

let infoCount = 0;

/** A captcha image comes as a URL in an info field's value; a question comes as text. */
function infoNode( field: AuthField ): HTMLElement {
	const node = document.createElement( 'div' );
	node.className = 'account-gadgets-auth-info';
	node.id = `account-gadgets-auth-info-${ ++infoCount }`;
	if ( field.label ) {
		$( node ).append( $( '<p>' ).append( html( field.label ) ) );
	}
	if ( /^(https?:)?\//.test( field.value ) ) {
		const image = document.createElement( 'img' );
		image.src = field.value;
		image.alt = $( '<span>' ).html( field.label ).text();
		node.appendChild( image );
	} else if ( field.value ) {
		const value = document.createElement( 'p' );
		value.className = 'account-gadgets-auth-question';
		value.textContent = field.value;
		node.appendChild( value );
	}
	return node;
}

/**
 * Draws the fields of one AuthManager step.
 *
 * @param fields as authmanager.ts lists them
 * @param options
 */
export function renderAuthFields( fields: AuthField[], options: AuthFieldOptions ): RenderedFields {
	const { msg } = options;
	const initial = options.values || {};
	const element = document.createElement( 'div' );
	const readers: ( ( values: AuthValues ) => void )[] = [];
	const focusable: Focusable[] = [];
	const passwords: PasswordField[] = [];
	// The button field that submitted the step, if one did.
	const pressed: { name: string | null } = { name: null };
	// What forgets a button press once the values were read.
	const resets: ( () => void )[] = [];
	// A step with a retype field chooses a new password: check it live and compare the retype.
	const choosing = fields.some( ( field ) => field.name === 'retype' && field.type === 'password' );
	let newPassword: PasswordField | null = null;
	let retype: PasswordField | null = null;

	function values(): AuthValues {
		const collected: AuthValues = {};
		readers.forEach( ( read ) => read( collected ) );
		return collected;
	}

	function decorate( field: AuthField, widget: OO.ui.Widget, around: HTMLElement ): void {
		if ( options.decorate ) {
			options.decorate( field, widget, around );
		}
	}

	function layout( widget: OO.ui.Widget, field: AuthField, align: 'top' | 'inline' = 'top' ): void {
		const fieldLayout = new OO.ui.FieldLayout( widget, {
			label: html( field.label || field.name ),
			// OOUI puts a help snippet into its popup as HTML, anything else as plain text.
			help: field.help ? new OO.ui.HtmlSnippet( field.help ) : undefined,
			align
		} );
		element.appendChild( fieldLayout.$element[ 0 ] );
		decorate( field, widget, fieldLayout.$element[ 0 ] );
	}

	// The info shown last (a captcha's question), which the next text box answers.
	let question: HTMLElement | null = null;
	for ( const field of fields ) {
		const start = initial[ field.name ];
		const asked = question;
		question = null;
		if ( field.type === 'hidden' ) {
			readers.push( ( collected ) => {
				collected[ field.name ] = field.value;
			} );
		} else if ( field.type === 'null' ) {
			question = infoNode( field );
			element.appendChild( question );
		} else if ( field.type === 'password' ) {
			const isRetype = choosing && field.name === 'retype';
			const password = new PasswordField( {
				label: $( '<span>' ).html( field.label || field.name ).text(),
				autocomplete: choosing ? 'new-password' : 'current-password',
				validate: choosing && !isRetype ?
					{ api: options.api, context: () => options.passwordContext( values() ) } :
					undefined
			}, msg );
			password.input.on( 'enter', options.onSubmit );
			if ( typeof start === 'string' ) {
				// Kept only after a warning that the same submission passes (see keptValues).
				password.input.setValue( start );
			}
			passwords.push( password );
			if ( isRetype ) {
				retype = password;
			} else if ( choosing && !newPassword ) {
				newPassword = password;
			}
			focusable.push( password.input );
			element.appendChild( password.layout.$element[ 0 ] );
			decorate( field, password.input, password.layout.$element[ 0 ] );
			readers.push( ( collected ) => {
				collected[ field.name ] = password.getValue();
			} );
		} else if ( field.type === 'checkbox' ) {
			const checked = start === undefined ? field.value === '1' || field.value === 'true' : !!start;
			const checkbox = new OO.ui.CheckboxInputWidget( { selected: checked } );
			layout( checkbox, field, 'inline' );
			readers.push( ( collected ) => {
				if ( checkbox.isSelected() ) {
					collected[ field.name ] = true;
				}
			} );
		} else if ( field.type === 'select' || field.type === 'multiselect' ) {
			const choices = Object.keys( field.options ).map( ( data ) => ( { data, label: field.options[ data ] } ) );
			if ( field.type === 'select' ) {
				const chosen = String( start !== undefined ? start : field.value );
				const dropdown = new OO.ui.DropdownInputWidget( { options: choices, value: chosen } );
				focusable.push( dropdown );
				layout( dropdown, field );
				readers.push( ( collected ) => {
					collected[ field.name ] = dropdown.getValue();
				} );
			} else {
				const checkboxes = new OO.ui.CheckboxMultiselectInputWidget( { options: choices } );
				layout( checkboxes, field );
				readers.push( ( collected ) => {
					collected[ field.name ] = ( checkboxes.getValue() as unknown as string[] ).join( '|' );
				} );
			}
		} else if ( field.type === 'choice' ) {
			// Another way to answer this step (a two-factor method): one button each, which asks
			// the wiki for that way's step, as Special:UserLogin's buttons do.
			const choice = { value: '' };
			for ( const option of Object.keys( field.options ) ) {
				const button = new OO.ui.ButtonWidget( { label: field.options[ option ], framed: true } );
				button.on( 'click', () => {
					choice.value = option;
					options.onSubmit();
				} );
				element.appendChild( button.$element[ 0 ] );
				decorate( field, button, button.$element[ 0 ] );
			}
			readers.push( ( collected ) => {
				collected[ field.name ] = choice.value;
			} );
			resets.push( () => {
				choice.value = '';
			} );
		} else if ( field.type === 'button' ) {
			// A button field (e.g. "use another way to log in") submits the step with itself set.
			const button = new OO.ui.ButtonWidget( { label: html( field.label || field.name ) } );
			button.on( 'click', () => {
				pressed.name = field.name;
				options.onSubmit();
			} );
			element.appendChild( button.$element[ 0 ] );
			decorate( field, button, button.$element[ 0 ] );
			readers.push( ( collected ) => {
				if ( pressed.name === field.name ) {
					collected[ field.name ] = true;
				}
			} );
		} else {
			// 'string': a text box.
			const input = new OO.ui.TextInputWidget( {
				value: start === undefined ? field.value : String( start ),
				type: field.name === 'email' ? 'email' : 'text'
			} );
			input.$input.attr( 'autocomplete', autocompleteHints[ field.name ] || 'on' );
			if ( field.name === 'OATHToken' ) {
				input.$input.attr( 'inputmode', 'numeric' );
			}
			input.on( 'enter', options.onSubmit );
			// A new password is compared with the name and address being typed.
			input.on( 'change', () => passwords.forEach( ( password ) => password.recheck() ) );
			focusable.push( input );
			layout( input, field );
			if ( asked ) {
				// Screen readers read the question with the box that answers it (and its help).
				input.$input.attr( 'aria-describedby', `${ asked.id } ${ input.$input.attr( 'aria-describedby' ) || '' }`.trim() );
			}
			readers.push( ( collected ) => {
				collected[ field.name ] = input.getValue();
			} );
		}
	}

	const compareRetype = (): void => {
		const chosen = newPassword as PasswordField | null;
		const again = retype as PasswordField | null;
		if ( chosen && again ) {
			again.note( again.getValue() && !retypeMatches( chosen.getValue(), again.getValue() ) ? msg( 'password-mismatch' ).text() : null );
		}
	};
	passwords.forEach( ( password ) => password.input.on( 'change', compareRetype ) );

	return {
		element,
		values: () => {
			const collected = values();
			pressed.name = null;
			resets.forEach( ( reset ) => reset() );
			return collected;
		},
		first: () => focusable[ 0 ] || null,
		problem: () => {
			const chosen = newPassword as PasswordField | null;
			const again = retype as PasswordField | null;
			return chosen && again && !retypeMatches( chosen.getValue(), again.getValue() ) ? msg( 'password-mismatch' ).text() : null;
		},
		clearPasswords: () => passwords.forEach( ( password ) => password.input.setValue( '' ) ),
		dispose: () => passwords.forEach( ( password ) => password.dispose() )
	};
}
