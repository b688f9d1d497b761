// What changes in an open page when someone logs in (or signs up and is logged in) without
// leaving it: the tokens it holds belong to the old session, and an edit in progress, in any
// editor, must be saved by the new one.
import { ApiClient } from './api';
import { unknownAnswer } from './errors';
import { headerMessages, HeaderLabels, showLoggedInHeader } from './skin-entries';

// Every token type a panel or the page may have cached for the old session.
const tokenTypes = [ 'csrf', 'watch', 'patrol', 'rollback', 'userrights', 'login', 'createaccount' ];

/**
 * Forgets the tokens of the old session, so that the next request of any panel (or of the
 * page's other scripts) fetches its own instead of failing with badtoken. mw.Api keeps one
 * token cache per API URL, shared by every instance.
 */
function forgetTokens(): void {
	const api = new mw.Api();
	tokenTypes.forEach( ( type ) => api.badToken( type ) );
}

/** The wikitext edit form of this page, when the person is in the middle of an edit (or a preview). */
function editForm(): HTMLFormElement | null {
	const action = mw.config.get( 'wgAction' );
	return action === 'edit' || action === 'submit' ? document.getElementById( 'editform' ) as HTMLFormElement | null : null;
}

/** Session storage key: the wikitext edit form's values while a provider elsewhere has the browser. */
const keptEditKey = 'account-gadgets-kept-edit';

interface KeptEdit {
	/** The address of the edit form, which is also the way back from the provider. */
	url: string;
	/** The form's values, as the browser would send them (not the edit token). */
	values: [ string, string ][];
}

/**
 * VisualEditor's own auto-save (session storage, as it goes), from which it restores an edit when
 * the page is opened again: without a question when the page's revision is still the one the edit
 * started from (ve.init.mw.ArticleTargetLoader#requestPageData).
 */
const visualEditorState = 've-docstate';

interface VisualEditorState {
	response?: { oldid?: number };
}

/**
 * Before a provider elsewhere takes the browser away (see goToProvider): keeps the edit where its
 * editor finds it on the way back.
 * - The wikitext edit form: what it holds, the text and summary and also its start time and base
 *   revision, so that a save after the way back finds an edit conflict as this form would have.
 *   The edit token stays behind: it belongs to the old session.
 * - VisualEditor has its own copy (see visualEditorState). On a page that does not exist yet it
 *   stores no revision at all, which it then takes for a page edited since ("Resume your edit?
 *   This page was edited since you last loaded it"): it gets the page's own 0, so that it asks
 *   only if the page has been created meanwhile.
 * Without storage the browser goes all the same.
 */
export function keepEdit(): void {
	const form = editForm();
	const veState = mw.storage.session.getObject( visualEditorState ) as VisualEditorState | null;
	if ( veState && veState.response && veState.response.oldid === undefined && mw.config.get( 'wgCurRevisionId' ) === 0 ) {
		veState.response.oldid = 0;
		mw.storage.session.setObject( visualEditorState, veState );
	}
	if ( form ) {
		const values = $( form ).serializeArray()
			.filter( ( field ) => field.name !== 'wpEditToken' )
			.map( ( field ): [ string, string ] => [ field.name, field.value ] );
		const kept: KeptEdit = { url: location.href, values };
		mw.storage.session.setObject( keptEditKey, kept );
	}
}

/**
 * Back from the provider: the edit form, loaded afresh, gets what keepEdit kept, before the login
 * goes on. Kept values are used once: `returnUrl` is null when this page view is not the way back
 * (they go), and they stay out of any other form.
 *
 * @param returnUrl the address the flow left from, when this page view is the way back
 */
export function restoreEdit( returnUrl: string | null ): void {
	const kept = mw.storage.session.getObject( keptEditKey ) as KeptEdit | null;
	mw.storage.session.remove( keptEditKey );
	const form = editForm();
	if ( !kept || !form || kept.url !== returnUrl ) {
		return;
	}
	Array.prototype.forEach.call( form.elements, ( element: HTMLInputElement ) => {
		const { name, type } = element;
		const value = kept.values.find( ( pair ) => pair[ 0 ] === name );
		if ( !name || name === 'wpEditToken' || /^(submit|button|file)$/.test( type ) ) {
			return;
		}
		if ( type === 'checkbox' || type === 'radio' ) {
			element.checked = kept.values.some( ( pair ) => pair[ 0 ] === name && pair[ 1 ] === element.value );
		} else if ( value && element.id === 'wpTextbox1' && typeof $.fn.textSelection === 'function' ) {
			// Through the editor's own API, which a syntax-highlighting editor on it follows.
			$( element ).textSelection( 'setContents', value[ 1 ] );
		} else if ( value ) {
			element.value = value[ 1 ];
		}
	} );
}

/**
 * Whether an editor that saves through the API is open: VisualEditor (visual or source mode,
 * also while it loads) or DiscussionTools' reply or new-topic tool.
 */
function apiEditorOpen(): boolean {
	// VisualEditor sets ve-activated as it starts, and keeps it until it closes.
	return $( 'html.ve-activated, .ext-discussiontools-ui-replyWidget' ).length > 0;
}

/** Where a panel opened from a link sends the browser afterwards. */
export interface ReturnTo {
	returnto: string;
	returntoquery?: string;
}

/**
 * Whether a title names this page, whatever its fragment: MobileFrontend's editor returns to
 * "Page#/editor/all", which a reload of this page opens again (a link there would only change the
 * fragment, or, where the mobile view is not its own domain, leave it).
 *
 * @param title
 */
function isThisPage( title: string ): boolean {
	// As wgPageName spells titles: underscores, first letter in upper case (mw.Title is a module more).
	const there = title.split( '#' )[ 0 ].replace( / /g, '_' );
	return there.charAt( 0 ).toUpperCase() + there.slice( 1 ) === mw.config.get( 'wgPageName' );
}

/**
 * Where a link to the login or sign-up page would have gone afterwards, when that is another
 * page: its `returnto` (and `returntoquery`), as the wiki's page follows them. Null when it has
 * none, or names this page (the edit notice's links, the skin's): this page, as it is, stays.
 *
 * @param from the link's address
 */
export function returnToOf( from: string | undefined ): ReturnTo | null {
	const returnto = from && mw.util.getParamValue( 'returnto', from );
	if ( !returnto || isThisPage( returnto ) ) {
		return null;
	}
	const returntoquery = mw.util.getParamValue( 'returntoquery', from as string );
	return returntoquery ? { returnto, returntoquery } : { returnto };
}

interface SessionResponse {
	query?: {
		tokens?: { csrftoken?: string };
		userinfo?: { id?: number; name?: string };
		allmessages?: { name: keyof HeaderLabels; content?: string; missing?: boolean }[];
	};
}

/**
 * Tells the page who is logged in now, as VisualEditor does itself when a save finds a new user
 * (ve.init.mw.Target#refreshUser): editors that save through the API (VisualEditor,
 * DiscussionTools) assert the user that mw.config names, and the page's edit token. The skin's
 * header becomes a logged-in one (see showLoggedInHeader), its labels asked for in the same
 * request. Resolves with the new session's edit token.
 *
 * The request goes alone (see session-fence): the new session has no token secret yet, and this
 * request makes it. Another request in flight meanwhile (the page's requests held during the
 * login go now) may save the session as it found it, without the secret, and the token would
 * then be refused ("loss of session data").
 *
 * @param api
 */
function adoptSession( api: ApiClient ): Promise<string> {
	const request = { action: 'query', meta: 'tokens|userinfo|allmessages', type: 'csrf', ammessages: headerMessages.join( '|' ) };
	return api.get<SessionResponse>( request, { alone: true } ).then( ( response ) => {
		const query = response.query || {};
		const token = query.tokens && query.tokens.csrftoken;
		const user = query.userinfo;
		if ( !token || !user || !user.id ) {
			throw unknownAnswer();
		}
		mw.user.tokens.set( 'csrfToken', token );
		mw.config.set( { wgUserName: user.name, wgUserId: user.id, wgUserIsTemp: false } );
		const labels: HeaderLabels = {};
		( query.allmessages || [] ).forEach( ( message ) => {
			labels[ message.name ] = message.content;
		} );
		showLoggedInHeader( user.name as string, labels );
		return token;
	} );
}

/**
 * The page goes on under the session a panel just logged in (a login, or a sign-up that logs the
 * new account in). The old session's tokens go. An edit in progress stays where it is, in its
 * editor, and its next save is made under the new name:
 * - the wikitext edit form gets the new session's edit token, and `formNotice` above it;
 * - VisualEditor and DiscussionTools are told the new user (see adoptSession), and the person
 *   `editorNotice` in a notification.
 * Any other page goes where the link that opened the panel said (`returnto`), or reloads in
 * place (same page, and the browser restores the scroll position); the promise then never
 * settles, so the panel stays busy until the page goes.
 *
 * @param api
 * @param notices what an editor is told, e.g. "You are now logged in as …": above the edit form,
 *  and in a notification for the other editors
 * @param notices.form
 * @param notices.editor
 * @param from the address of the link the panel was opened from, if any
 */
export function continueInNewSession( api: ApiClient, notices: { form: string; editor: string }, from?: string ): Promise<void> {
	forgetTokens();
	const form = editForm();
	if ( form ) {
		return adoptSession( api ).then( ( token ) => {
			$( form ).find( 'input[name="wpEditToken"]' ).val( token );
			// The warning that the edit would be published under an IP address no longer holds.
			$( '.mw-anon-edit-warning, .mw-temp-user-edit-warning' ).remove();
			// A success box as the wiki's own warning was: Codex's on 1.43+, the older one on 1.39.
			const $box = $( '<div>' ).addClass( 'account-gadgets-logged-in mw-message-box mw-message-box-success cdx-message cdx-message--block cdx-message--success' )
				.attr( 'role', 'status' )
				.append( $( '<span>' ).addClass( 'cdx-message__icon' ), $( '<div>' ).addClass( 'cdx-message__content' ).text( notices.form ) );
			form.insertBefore( $box[ 0 ], form.firstChild );
		} );
	}
	if ( apiEditorOpen() ) {
		// VisualEditor, still starting (back from a provider elsewhere), would greet the account
		// with its first-time welcome: the page has the logged-out reader's options, not the
		// account's, which may have dismissed it long ago. Not in the middle of an edit.
		const visualEditor = ( mw.libs as Record<string, { disableWelcomeDialog?: () => void } | undefined> ).ve;
		if ( visualEditor && visualEditor.disableWelcomeDialog ) {
			visualEditor.disableWelcomeDialog();
		}
		return adoptSession( api ).then( () => {
			mw.notify( notices.editor, { type: 'success', tag: 'account-gadgets-session' } );
		} );
	}
	const target = returnToOf( from );
	if ( target ) {
		const page = mw.util.getUrl( target.returnto );
		location.href = target.returntoquery ? page + ( page.includes( '?' ) ? '&' : '?' ) + target.returntoquery : page;
	} else {
		location.reload();
	}
	return new Promise<void>( () => {
		// Never settles: the page is going away.
	} );
}
