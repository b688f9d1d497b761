// Never losing an edit, on every local wiki: every link to the login and sign-up pages opens the
// panel (the edit notice, page content, a wiki in another language, VisualEditor's and
// DiscussionTools' own notices), and after logging in or signing up the edit stays in its
// editor, which saves it under the new name: the wikitext editor, VisualEditor in visual and
// source mode, DiscussionTools' reply tool, MobileFrontend's editor on a phone.
/* global ve */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	inVisit, wikis, accounts, gadgetMessages, panelSettled, browserForSuite, Visit, overrideSettings,
	loggedInAs, assertNoPasswordInUrls, shownTitle, freshName, newPassword, fillLoginPanel, fillSignupPanel, latestRevision,
	phone, assertMobileView
} from './helpers.mjs';
import { hasExtension } from '../../scripts/wiki/wikis.mjs';

const { logsIn: leo, admin } = accounts;
const loginEn = gadgetMessages( 'login', 'en' );
const createEn = gadgetMessages( 'create-account', 'en' );
const contentPage = 'Editing test: links in content';

/** Marks the page, so that a test can tell it was never reloaded. */
function markPage( page ) {
	return page.evaluate( () => {
		window.accountGadgetsNotReloaded = true;
	} );
}

async function assertNotReloaded( page ) {
	assert.equal( await page.evaluate( () => window.accountGadgetsNotReloaded ), true, 'the page was not reloaded' );
}

/** Clicks a link as a person does, once the stub is ready, and waits for the panel titled `title`. */
async function openPanelFrom( page, link, title ) {
	await page.waitForFunction( () => window.accountGadgetsLoggedOut );
	await link.click();
	await page.getByRole( 'dialog' ).getByText( title, { exact: true } ).first().waitFor();
	await panelSettled( page );
}

/**
 * The skin's "Log in", as a person reaches it: in 1.39's Vector 2022 it is in the "More options"
 * menu, opened first.
 */
async function skinLoginLink( page ) {
	const link = page.locator( '#pt-login-2 a, #pt-login a, .vector-user-menu-login a' ).locator( 'visible=true' ).first();
	if ( await link.count() === 0 ) {
		await page.locator( '#p-personal .vector-menu-checkbox' ).click();
	}
	return link;
}

/**
 * Fills in the open login panel as `account` and presses "Log in".
 *
 * @param {import('playwright-core').Page} page
 * @param {{name: string, password: string}} account
 * @param {Function} [press] how the button is pressed (a tap on a phone)
 */
async function submitLoginPanel( page, account, press = ( button ) => button.click() ) {
	await fillLoginPanel( page, account );
	await press( page.getByRole( 'dialog' ).getByRole( 'button', { name: loginEn.submit, exact: true } ) );
}

/**
 * Fills in the open sign-up panel as a new `account` and presses "Create account" once the
 * name is known to be free.
 *
 * @param {import('playwright-core').Page} page
 * @param {{name: string, password: string}} account
 * @param {Function} [press] how the button is pressed (a tap on a phone)
 */
async function submitSignupPanel( page, account, press = ( button ) => button.click() ) {
	await fillSignupPanel( page, account );
	await page.getByRole( 'dialog' ).locator( '.account-gadgets-name-verdict[data-name-status="available"]' ).waitFor();
	await press( page.getByRole( 'dialog' ).getByRole( 'button', { name: createEn.submit, exact: true } ) );
}

/** Logs in as Leo in the open login panel, and waits until the page knows it. */
async function logInInPanel( page ) {
	await submitLoginPanel( page, leo );
	await page.waitForFunction( ( name ) => mw.config.get( 'wgUserName' ) === name, leo.name );
}

/** Signs up in the open sign-up panel as a new account, and waits until the page knows it. */
async function signUpInPanel( page, name ) {
	await submitSignupPanel( page, { name, password: newPassword() } );
	await page.waitForFunction( ( wanted ) => mw.config.get( 'wgUserName' ) === wanted, name );
}

/** Resolves once the focus is in `locator`'s element (an editor may still move it as it sets up). */
function untilFocused( locator ) {
	return locator.evaluate( ( node ) => new Promise( ( resolve ) => {
		const focused = () => ( node.contains( document.activeElement ) ? resolve() : setTimeout( focused, 50 ) );
		focused();
	} ) );
}

/**
 * VisualEditor's surface, ready for typing (visual or source mode). The surface is in the page,
 * editable, a task before VisualEditor initializes it and sets `active`
 * (ve.init.mw.Target#addSurface): keys typed in between land in the page but not in
 * VisualEditor's document, which drops them as it renders.
 */
async function visualEditorReady( page ) {
	await page.locator( 'html.ve-active .ve-ce-documentNode[contenteditable="true"]' ).first().waitFor( { timeout: 60000 } );
	await page.waitForFunction( () => ve.init.target.active && ve.init.target.getSurface(), null, { timeout: 60000 } );
}

/** The primary action ("Save changes") of VisualEditor's save dialog, on the desktop and on a phone. */
const saveDialogPrimary = '.ve-ui-mwSaveDialog .oo-ui-processDialog-actions-primary .oo-ui-buttonElement-button';

/**
 * Types at the end of VisualEditor's document, once its surface has the focus and is active: on a
 * phone it starts deactivated (no keyboard until a tap) and activates a task after the focus
 * arrives, from its own selection.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} text
 * @param {{ touch?: boolean }} [how] a tap, as on a phone, instead of a click
 */
async function typeInVisualEditor( page, text, { touch = false } = {} ) {
	const surface = page.locator( '.ve-ce-documentNode[contenteditable="true"]' ).first();
	await ( touch ? surface.tap() : surface.click() );
	await page.waitForFunction( () => {
		const view = ve.init.target.getSurface().getView();
		return view.isFocused() && !view.isDeactivated();
	} );
	await page.keyboard.press( 'Control+End' );
	await page.keyboard.type( text );
}

/**
 * VisualEditor's Save, then the save dialog's primary action; resolves when the editor has closed,
 * and fails at once with what the save dialog says if the wiki refused the save (an error, or a
 * warning such as a captcha or an edit filter's), rather than after a timeout that says nothing.
 */
async function saveInVisualEditor( page ) {
	await page.locator( '.ve-ui-toolbar-saveButton' ).first().click();
	// Its action is ignored until the dialog is ready (CI lost a click made sooner).
	await panelSettled( page );
	await page.locator( saveDialogPrimary ).click();
	const outcome = await page.waitForFunction( () => {
		if ( !document.documentElement.classList.contains( 've-active' ) ) {
			return { closed: true };
		}
		const said = document.querySelector( '.ve-ui-mwSaveDialog .oo-ui-processDialog-errors:not(.oo-ui-element-hidden), .ve-ui-mwSaveDialog .ve-ui-mwSaveDialog-message' );
		return said && { closed: false, said: said.textContent };
	}, null, { timeout: 60000 } ).then( ( handle ) => handle.jsonValue() );
	assert.ok( outcome.closed, `VisualEditor did not save: ${ outcome.said }` );
}

/** What an editor would be asked after a reload: VisualEditor's "Resume your edit?" and its like. */
async function assertNoResumeQuestion( page ) {
	assert.equal( await page.locator( '.oo-ui-window-active' ).filter( { hasText: /Resume|Discard|restore/i } ).count(), 0 );
}

/**
 * Types at the end of what MobileFrontend's editor holds and saves it; resolves when the editor
 * has closed. Its editor is VisualEditor where the wiki has it for the mobile view (1.43, 1.45),
 * else its own source editor (1.39).
 */
async function saveInMobileEditor( page, text ) {
	const source = page.locator( '.overlay #wikitext-editor' );
	const surface = page.locator( '.overlay .ve-ce-documentNode' );
	await source.or( surface ).first().waitFor( { timeout: 60000 } );
	// MobileFrontend shows its editor once it has loaded (VisualEditor's surface is then ready) and
	// fires this hook as it does; in the same task VisualEditor's overlay then puts the cursor at
	// the lead paragraph (VisualEditorOverlay#targetInit, scrollToLeadParagraph): keys typed before
	// that land at the end, the rest at the start. (mw.hook remembers a fired hook.)
	await page.evaluate( () => new Promise( ( resolve ) => {
		mw.hook( 'mobileFrontend.editorOpened' ).add( () => resolve() );
	} ) );
	if ( await source.count() ) {
		await source.tap();
		await page.keyboard.press( 'Control+End' );
		await page.keyboard.type( text );
		await page.locator( '.overlay .continue' ).tap();
		await page.locator( '.overlay .save' ).tap();
	} else {
		await typeInVisualEditor( page, text, { touch: true } );
		await surface.getByText( text.trim() ).waitFor();
		await page.locator( '.ve-ui-toolbar-saveButton' ).first().tap();
		await panelSettled( page );
		await page.locator( saveDialogPrimary ).tap();
	}
	await page.waitForFunction( () => !window.location.hash.includes( '/editor/' ), null, { timeout: 60000 } );
}

for ( const wiki of wikis ) {
	describe( `editing on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		before( async () => {
			const visit = await new Visit( suiteBrowser(), wiki ).start();
			await visit.logIn( admin );
			const text = [
				'Please [[Special:UserLogin|log in here]], or [[Special:CreateAccount|sign up here]].',
				'',
				'[{{fullurl:Special:UserLogin|returnto=Main_Page}} Log in and go to the main page].',
				'',
				'[[Help:Contents|Help]] is not a special page.'
			].join( '\n' );
			await visit.api( { action: 'edit', title: contentPage, text, token: await visit.token() }, { method: 'POST' } );
			await visit.close();
		} );

		test( 'the edit notice\'s "log in": the panel opens, the text stays, and Save makes a revision by the person who logged in', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const title = `Editing test: notice login ${ Date.now() }`;
				const text = `Written before logging in from the notice, ${ Date.now() }.`;
				await visit.open( title, { action: 'edit', useskin: 'vector' } );
				await page.locator( '#wpTextbox1' ).fill( text );
				await markPage( page );
				await openPanelFrom( page, page.locator( '.mw-anon-edit-warning a', { hasText: /^log in$/i } ), loginEn.title );
				await logInInPanel( page );
				await page.getByRole( 'status' ).getByText( `You are now logged in as ${ leo.name }.`, { exact: false } ).waitFor();
				await assertNotReloaded( page );
				assert.equal( await page.locator( '#wpTextbox1' ).inputValue(), text );
				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpSave' ).click() ] );
				assert.deepEqual( await latestRevision( visit, title ), { user: leo.name, content: text } );
				assertNoPasswordInUrls( visit, leo.password );
			} );
		} );

		test( 'a login that a provider elsewhere takes over: back on the edit form, the text, summary and the form\'s base are there again, and Save makes a revision by the person who logged in; a page view that is not the way back gets nothing', async ( t ) => {
			t.after( overrideSettings( wiki, { accountGadgetsRedirectProvider: true } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const title = `Editing test: provider login ${ Date.now() }`;
				const text = `Written before a login through a provider elsewhere, ${ Date.now() }.`;
				const summary = `Summary typed before the provider, ${ Date.now() }`;
				const form = () => page.evaluate( () => ( {
					text: document.getElementById( 'wpTextbox1' ).value,
					summary: document.getElementById( 'wpSummary' ).value,
					start: document.querySelector( '#editform [name="wpStarttime"]' ).value,
					kept: sessionStorage.getItem( 'account-gadgets-kept-edit' )
				} ) );
				const editAndLogIn = async () => {
					await visit.open( title, { action: 'edit', useskin: 'vector' } );
					await page.locator( '#wpTextbox1' ).fill( text );
					await page.locator( '#wpSummary' ).fill( summary );
					const values = await form();
					await openPanelFrom( page, page.locator( '.mw-anon-edit-warning a', { hasText: /^log in$/i } ), loginEn.title );
					await submitLoginPanel( page, leo );
					return values;
				};

				// The person leaves the third party another way: the edit form opened afresh is the
				// page's own, and what was kept is gone.
				await page.route( /accountGadgetsCode=/, ( route ) => route.fulfill( { contentType: 'text/html', body: '<p>The third party</p>' } ) );
				await editAndLogIn();
				await page.getByText( 'The third party' ).waitFor();
				await page.unroute( /accountGadgetsCode=/ );
				await visit.open( title, { action: 'edit', useskin: 'vector' } );
				await page.waitForFunction( () => mw.loader.getState( 'ext.gadget.login-panel' ) === 'ready' );
				assert.deepEqual( { ...await form(), start: '' }, { text: '', summary: '', start: '', kept: null } );

				// The third party sends the browser back: a new page load, with the edit form as it was.
				const typed = await editAndLogIn();
				await loggedInAs( visit, leo.name );
				await page.getByRole( 'status' ).getByText( `You are now logged in as ${ leo.name }.`, { exact: false } ).waitFor();
				assert.deepEqual( await form(), { ...typed, kept: null } );
				assert.equal( visit.apiRequests( { action: 'clientlogin', logincontinue: 'true' } ).length, 1, 'the way back was a new page view' );
				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpSave' ).click() ] );
				assert.deepEqual( await latestRevision( visit, title ), { user: leo.name, content: text } );
				const [ revision ] = ( await visit.api( { action: 'query', prop: 'revisions', titles: title, rvprop: 'comment' } ) ).query.pages[ 0 ].revisions;
				assert.equal( revision.comment, summary );
				assertNoPasswordInUrls( visit, leo.password );
			} );
		} );

		test( 'after a login in place, the skin\'s header is a logged-in one (the new name, its tools, a working "Log out") and no longer offers to log in, in every skin', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				for ( const skin of [ 'vector-2022', 'vector', 'monobook', 'timeless', 'minerva' ] ) {
					await visit.context.clearCookies();
					await visit.open( `Editing test: header ${ Date.now() }`, { action: 'edit', useskin: skin } );
					// The stub's "Forgot your password?" is there to go too.
					await page.waitForFunction( () => window.accountGadgetsLoggedOut );
					assert.ok( await page.locator( 'a[href$="?title=Special:PasswordReset"]' ).count() > 0, `${ skin }: "Forgot your password?" beside "Log in"` );
					await openPanelFrom( page, page.locator( '.mw-anon-edit-warning a', { hasText: /^log in$/i } ), loginEn.title );
					await logInInPanel( page );
					await page.getByRole( 'status' ).getByText( `You are now logged in as ${ leo.name }.`, { exact: false } ).waitFor();
					const header = await page.evaluate( () => {
						const offers = [ ...document.querySelectorAll( 'a' ) ]
							.filter( ( link ) => !link.closest( '#editform, .account-gadgets-panel' ) )
							.filter( ( link ) => /Special(:|%3A)(UserLogin|CreateAccount|PasswordReset)/i.test( link.getAttribute( 'href' ) || '' ) );
						const names = [ ...document.querySelectorAll( 'a' ) ]
							.filter( ( link ) => link.textContent.trim() === mw.config.get( 'wgUserName' ) )
							.map( ( link ) => decodeURIComponent( link.getAttribute( 'href' ) ) );
						// The line above the form is a box, as the wiki's own warning was.
						const box = window.getComputedStyle( document.querySelector( '.account-gadgets-logged-in' ) ).backgroundColor;
						return { offers: offers.map( ( link ) => link.textContent.trim() ), names, anon: document.querySelectorAll( '#pt-anonuserpage, #pt-anontalk, #pt-anoncontribs' ).length, box };
					} );
					assert.notEqual( header.box, 'rgba(0, 0, 0, 0)', `${ skin }: "You are now logged in" is shown in a box` );
					assert.deepEqual( header.offers, [], `${ skin }: nothing outside the form offers to log in, sign up or reset` );
					assert.equal( header.anon, 0, `${ skin }: no entries of an IP address` );
					assert.ok( header.names.length > 0 && header.names.every( ( href ) => href.endsWith( `:${ leo.name.replace( / /g, '_' ) }` ) ), `${ skin }: the new name links to its user page (${ header.names })` );
					// The rest of a logged-in user's tools, with the wiki's labels.
					const tools = await page.evaluate( () => [ ...document.querySelectorAll( 'a' ) ]
						.filter( ( link ) => !link.closest( '#mw-content-text, .account-gadgets-panel' ) )
						.map( ( link ) => `${ link.textContent.trim() } -> ${ decodeURIComponent( link.getAttribute( 'href' ) || '' ) }` ) );
					const user = leo.name.replace( / /g, '_' );
					for ( const tool of [ `Talk -> /index.php/User_talk:${ user }`, 'Preferences -> /index.php/Special:Preferences', 'Watchlist -> /index.php/Special:Watchlist',
						`Contributions -> /index.php/Special:Contributions/${ user }` ] ) {
						assert.ok( tools.includes( tool ), `${ skin }: ${ tool } (${ tools.filter( ( entry ) => /User|Special/.test( entry ) ) })` );
					}
					const logOut = page.locator( 'a[href*="Special:UserLogout"]' );
					assert.deepEqual( ( await logOut.allTextContents() ).map( ( text ) => text.trim() ), [ 'Log out' ], `${ skin }: one "Log out"` );
					assert.match( await logOut.getAttribute( 'href' ), /title=Special:UserLogout&returnto=Editing_test/ );
					if ( skin === 'vector' ) {
						// "Log out" logs out, as the skin's own does after a page load.
						await Promise.all( [ page.waitForNavigation(), logOut.click() ] );
						assert.equal( await page.evaluate( () => mw.config.get( 'wgUserName' ) ), null );
						assert.equal( ( await visit.api( { action: 'query', meta: 'userinfo' } ) ).query.userinfo.anon, true );
					}
				}
			} );
		} );

		test( 'the edit notice\'s "create an account": the sign-up panel opens, and Save makes a revision by the new account', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Noticer' );
				const title = `Editing test: notice sign-up ${ Date.now() }`;
				const text = `Written before signing up from the notice, ${ Date.now() }.`;
				// The wikitext editor with WikiEditor's toolbar this time (the default skin's).
				await visit.open( title, { action: 'edit' } );
				await page.locator( '.wikiEditor-ui-toolbar' ).waitFor();
				await page.locator( '#wpTextbox1' ).fill( text );
				await markPage( page );
				await openPanelFrom( page, page.locator( '.mw-anon-edit-warning a', { hasText: /^create an account$/i } ), createEn[ 'title-self' ] );
				await signUpInPanel( page, name );
				await page.getByRole( 'status' ).getByText( `Your account ${ name } has been created`, { exact: false } ).waitFor();
				await assertNotReloaded( page );
				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpSave' ).click() ] );
				assert.deepEqual( await latestRevision( visit, title ), { user: name, content: text } );
			} );
		} );

		test( 'links in page content open the panels; a modified click opens the page; a link\'s returnto is where the login goes', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await visit.open( contentPage, { useskin: 'vector' } );
				const content = page.locator( '#mw-content-text' );
				await openPanelFrom( page, content.getByRole( 'link', { name: 'sign up here' } ), createEn[ 'title-self' ] );
				await page.keyboard.press( 'Escape' );
				await page.getByRole( 'dialog' ).waitFor( { state: 'detached' } );

				// Ctrl-click: the wiki's own page in a new tab, and no panel here.
				const [ tab ] = await Promise.all( [
					visit.context.waitForEvent( 'page' ),
					content.getByRole( 'link', { name: 'log in here' } ).click( { modifiers: [ 'Control' ] } )
				] );
				await tab.waitForLoadState();
				assert.match( decodeURIComponent( tab.url() ), /Special:UserLogin/ );
				await tab.close();
				assert.equal( await page.getByRole( 'dialog' ).count(), 0 );

				// A link to an ordinary page is left alone.
				await Promise.all( [ page.waitForNavigation(), content.getByRole( 'link', { name: 'Help' } ).click() ] );
				assert.equal( shownTitle( page ), 'Help:Contents' );
				// Back on the page, loaded afresh (going back may restore it before its scripts have run again).
				await visit.open( contentPage, { useskin: 'vector' } );

				await openPanelFrom( page, content.getByRole( 'link', { name: 'Log in and go to the main page' } ), loginEn.title );
				await Promise.all( [ page.waitForNavigation(), submitLoginPanel( page, leo ) ] );
				await loggedInAs( visit, leo.name );
				assert.equal( shownTitle( page ), 'Main_Page' );
			} );
		} );

		test( 'on a wiki in Russian, its own names of the pages (Служебная:Вход) open the panels', async ( t ) => {
			t.after( overrideSettings( wiki, { wgLanguageCode: 'ru' } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				// The names the wiki gives the pages in its language, from the wiki itself.
				const info = await visit.api( { action: 'query', meta: 'siteinfo', siprop: 'namespaces|specialpagealiases' } );
				const special = info.query.namespaces[ '-1' ].name;
				const alias = ( name ) => info.query.specialpagealiases.find( ( entry ) => entry.realname === name ).aliases[ 0 ];
				assert.notEqual( special, 'Special', 'the wiki speaks Russian' );
				const title = `Editing test: Russian ${ Date.now() }`;
				const admins = await new Visit( suiteBrowser(), wiki ).start();
				await admins.logIn( admin );
				const text = `[[${ special }:${ alias( 'Userlogin' ) }|войти]] · [[${ special }:${ alias( 'CreateAccount' ) }|создать учётную запись]]`;
				await admins.api( { action: 'edit', title, text, token: await admins.token() }, { method: 'POST' } );
				await admins.close();

				await visit.open( title, { useskin: 'vector' } );
				const content = page.locator( '#mw-content-text' );
				const login = content.getByRole( 'link', { name: 'войти' } );
				assert.match( decodeURIComponent( await login.getAttribute( 'href' ) ), new RegExp( `${ special }:${ alias( 'Userlogin' ) }` ) );
				await openPanelFrom( page, login, gadgetMessages( 'login', 'ru' ).title );
				await page.keyboard.press( 'Escape' );
				await page.getByRole( 'dialog' ).waitFor( { state: 'detached' } );
				await openPanelFrom( page, content.getByRole( 'link', { name: 'создать учётную запись' } ), gadgetMessages( 'create-account', 'ru' )[ 'title-self' ] );
			} );
		} );

		// The visual mode, and the source mode (the 2017 wikitext editor, for readers too: 1.39 has
		// it off by default).
		const modes = [
			{ mode: 'visual', veaction: 'edit', settings: null },
			{ mode: 'source', veaction: 'editsource', settings: { wgVisualEditorEnableWikitext: true, wgDefaultUserOptions: { 'visualeditor-newwikitext': 1 } } }
		];
		for ( const { mode, veaction, settings } of modes ) {
			test( `VisualEditor, ${ mode } mode: logging in keeps the surface, its text and undo history, asks nothing, and Save saves under the new name`, async ( t ) => {
				if ( settings ) {
					t.after( overrideSettings( wiki, settings ) );
				}
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const { page } = visit;
					const title = `Editing test: VisualEditor ${ mode } login ${ Date.now() }`;
					const text = `Written in VisualEditor's ${ mode } mode before logging in, ${ Date.now() }.`;
					await visit.open( title, { veaction } );
					await visualEditorReady( page );
					assert.equal( await page.evaluate( () => ve.init.target.getSurface().getMode() ), mode );
					await typeInVisualEditor( page, text );
					await markPage( page );
					await openPanelFrom( page, await skinLoginLink( page ), loginEn.title );
					await logInInPanel( page );
					await page.getByText( loginEn[ 'logged-in-editor' ].replace( '$1', leo.name ) ).waitFor();
					await assertNotReloaded( page );
					await assertNoResumeQuestion( page );
					assert.match( await page.locator( '.ve-ce-documentNode' ).first().innerText(), new RegExp( text ) );
					assert.equal( await page.evaluate( () => ve.init.target.getSurface().getModel().canUndo() ), true, 'the undo history stays' );
					await saveInVisualEditor( page );
					assert.deepEqual( await latestRevision( visit, title ), { user: leo.name, content: text } );
					assertNoPasswordInUrls( visit, leo.password );
				} );
			} );
		}

		test( 'VisualEditor, on a page that does not exist yet: a login that a provider elsewhere takes over finds the text in VisualEditor again, asks nothing, and Save saves under the new name', async ( t ) => {
			t.after( overrideSettings( wiki, { accountGadgetsRedirectProvider: true } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const title = `Editing test: VisualEditor provider login ${ Date.now() }`;
				const text = `Written in VisualEditor before a login through a provider elsewhere, ${ Date.now() }.`;
				await visit.open( title, { veaction: 'edit' } );
				await visualEditorReady( page );
				await typeInVisualEditor( page, text );
				await openPanelFrom( page, await skinLoginLink( page ), loginEn.title );
				await submitLoginPanel( page, leo );
				await loggedInAs( visit, leo.name );
				await visualEditorReady( page );
				await assertNoResumeQuestion( page );
				assert.match( await page.locator( '.ve-ce-documentNode' ).first().innerText(), new RegExp( text ) );
				await saveInVisualEditor( page );
				assert.deepEqual( await latestRevision( visit, title ), { user: leo.name, content: text } );
				assertNoPasswordInUrls( visit, leo.password );
			} );
		} );

		test( 'VisualEditor: "create an account" in its own notice signs up in the panel, and Save saves under the new account', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Visual' );
				const title = `Editing test: VisualEditor sign-up ${ Date.now() }`;
				const text = `Written in VisualEditor before signing up, ${ Date.now() }.`;
				await visit.open( title, { veaction: 'edit' } );
				await visualEditorReady( page );
				await typeInVisualEditor( page, text );
				await markPage( page );
				// VisualEditor shows the wiki's edit notices (for a reader, the one saying they are not
				// logged in) in its own popup, opened from the toolbar.
				const notice = page.locator( '.ve-ui-mwNoticesPopupTool-items a, .ve-ui-mwNoticesPopupTool-item a' ).filter( { hasText: /create an account/i } );
				if ( !await notice.first().isVisible() ) {
					await page.locator( '.ve-ui-toolbar .oo-ui-tool-name-notices .oo-ui-tool-link' ).click();
				}
				await openPanelFrom( page, notice.first(), createEn[ 'title-self' ] );
				await signUpInPanel( page, name );
				await page.getByText( createEn[ 'created-self-editor' ].replace( '$1', name ) ).waitFor();
				await assertNotReloaded( page );
				await assertNoResumeQuestion( page );
				await saveInVisualEditor( page );
				assert.deepEqual( await latestRevision( visit, title ), { user: name, content: text } );
			} );
		} );

		// MobileFrontend's editor asks a reader, before anything is typed, to log in or sign up
		// (1.45 does not while it makes temporary accounts, so the test turns them off); its links
		// return to the editor ("Page#/editor/all"), which the panel opens again in the new session.
		const mobileWays = [
			{ way: 'Log in', title: loginEn.title, submit: submitLoginPanel, account: () => leo },
			{ way: 'Sign up', title: createEn[ 'title-self' ], submit: submitSignupPanel, account: () => ( { name: freshName( 'Phoner' ), password: newPassword() } ) }
		];
		for ( const { way, title: panelTitle, submit, account } of mobileWays ) {
			test( `MobileFrontend's editor on a phone: "${ way }" in its notice opens the panel, the editor opens again in the new session, and saves under the new name`, async ( t ) => {
				assertMobileView( wiki );
				t.after( overrideSettings( wiki, { wgAutoCreateTempUser: { enabled: false } } ) );
				const title = `Editing test: mobile ${ way } ${ Date.now() }`;
				const admins = await new Visit( suiteBrowser(), wiki ).start();
				await admins.logIn( admin );
				await admins.api( { action: 'edit', title, text: 'A line already there.', token: await admins.token() }, { method: 'POST' } );
				await admins.close();
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const { page } = visit;
					const person = account();
					await visit.open( title, { useformat: 'mobile' } );
					await page.waitForFunction( () => window.accountGadgetsLoggedOut );
					await page.locator( '#ca-edit' ).tap();
					const link = page.locator( '.overlay .anonwarning' ).getByRole( 'link', { name: way, exact: true } );
					await link.tap();
					await page.getByRole( 'dialog' ).getByText( panelTitle, { exact: true } ).first().waitFor();
					await panelSettled( page );
					// The panel reloads the page for the new session: its editor opens again.
					await Promise.all( [ page.waitForNavigation(), submit( page, person, ( button ) => button.tap() ) ] );
					// The same page in the mobile view, with its editor open, for the new name.
					const address = new URL( page.url() );
					assert.equal( address.searchParams.get( 'useformat' ), 'mobile' );
					assert.equal( address.hash, '#/editor/all' );
					await loggedInAs( visit, person.name );
					const text = ` Typed on a phone after "${ way }", ${ Date.now() }.`;
					await saveInMobileEditor( page, text );
					assert.deepEqual( await latestRevision( visit, title ), { user: person.name, content: `A line already there.${ text }` } );
					assertNoPasswordInUrls( visit, person.password );
				}, phone() );
			} );
		}

		// Debian's 1.39 package has no DiscussionTools.
		const whereDiscussionTools = hasExtension( wiki, 'DiscussionTools' ) ? test : () => {};
		whereDiscussionTools( 'DiscussionTools: "log in" in the reply tool opens the panel, the reply stays, and "Reply" posts it under the new name', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const title = `Talk:Editing test ${ Date.now() }`;
				const admins = await new Visit( suiteBrowser(), wiki ).start();
				await admins.logIn( admin );
				await admins.api( {
					action: 'edit', title, token: await admins.token(),
					text: '== A question ==\nDoes this work? [[User:Admin|Admin]] ([[User talk:Admin|talk]]) 12:00, 1 December 2026 (UTC)\n'
				}, { method: 'POST' } );
				await admins.close();
				const reply = `My answer, written before logging in ${ Date.now() }`;
				await visit.open( title, { useskin: 'vector' } );
				await page.locator( '.ext-discussiontools-init-replybutton .oo-ui-buttonElement-button, .ext-discussiontools-init-replylink-reply' ).first().click();
				const widget = page.locator( '.ext-discussiontools-ui-replyWidget' );
				await widget.locator( '[contenteditable="true"], textarea' ).first().waitFor();
				await widget.locator( '[contenteditable="true"], textarea' ).first().click();
				await page.keyboard.type( reply );
				await markPage( page );
				// The reply tool's own line for readers: "…you can log in or create an account."
				await openPanelFrom( page, widget.getByRole( 'link', { name: /^log in$/i } ), loginEn.title );
				await logInInPanel( page );
				await assertNotReloaded( page );
				assert.match( await widget.innerText(), new RegExp( reply ) );
				await widget.getByRole( 'button', { name: 'Reply', exact: true } ).click();
				await widget.waitFor( { state: 'detached', timeout: 30000 } );
				const revision = await latestRevision( visit, title );
				assert.equal( revision.user, leo.name );
				assert.match( revision.content, new RegExp( `${ reply }.*\\[\\[User:${ leo.name }\\|` ) );
			} );
		} );

		whereDiscussionTools( 'DiscussionTools: a new topic written logged out is kept through signing up, and "Add topic" posts it under the new account', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Topical' );
				const title = `Talk:Editing test new topic ${ Date.now() }`;
				const admins = await new Visit( suiteBrowser(), wiki ).start();
				await admins.logIn( admin );
				await admins.api( {
					action: 'edit', title, token: await admins.token(),
					text: '== Earlier ==\nA first topic. [[User:Admin|Admin]] ([[User talk:Admin|talk]]) 12:00, 1 December 2026 (UTC)\n'
				}, { method: 'POST' } );
				await admins.close();
				const subject = `A new topic ${ Date.now() }`;
				const body = `Its first words, written before signing up ${ Date.now() }`;
				await visit.open( title, { action: 'edit', section: 'new', useskin: 'vector' } );
				const widget = page.locator( '.ext-discussiontools-ui-replyWidget' );
				await widget.locator( '[contenteditable="true"], textarea' ).first().waitFor();
				// The tool sets itself up after it shows (its editor, its preview): typing waits for that.
				await page.waitForLoadState( 'networkidle' );
				await page.getByRole( 'textbox', { name: 'Subject' } ).fill( subject );
				// Typed once the description has the focus (the tool may still move it as it sets up).
				const description = widget.locator( '[contenteditable="true"], textarea' ).first();
				await description.click();
				await untilFocused( description );
				await page.waitForTimeout( 300 );
				await description.click();
				await page.keyboard.type( body );
				await widget.getByText( body ).waitFor();
				await markPage( page );
				await openPanelFrom( page, widget.getByRole( 'link', { name: /^create an account$/i } ), createEn[ 'title-self' ] );
				await signUpInPanel( page, name );
				await assertNotReloaded( page );
				assert.equal( await page.getByRole( 'textbox', { name: 'Subject' } ).inputValue(), subject );
				await widget.getByRole( 'button', { name: 'Add topic', exact: true } ).click();
				await widget.waitFor( { state: 'detached', timeout: 30000 } );
				const revision = await latestRevision( visit, title );
				assert.equal( revision.user, name );
				assert.match( revision.content, new RegExp( `== ${ subject } ==\\s+${ body }.*\\[\\[User:${ name }\\|` ) );
			} );
		} );
	} );
}
