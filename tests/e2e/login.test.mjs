// Logging in from the in-page panel on every local wiki: a plain login, a wrong password, the
// middle of an edit, two-factor (with recovery codes where OATHAuth has them), a captcha after
// failures, a temporary password, and a step the panel hands over to the wiki's own page.
// ConfirmEdit keeps its default triggers. Its failed-login count is per address and never reset by
// a login, so the local wikis set its threshold high (settings.php) and the captcha test lowers it
// for itself; a test that fails a login on purpose also switches the count off, leaving nothing behind.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	inVisit, wikis, accounts, Mailbox, overrideSettings, gadgetMessages, panelSettled, browserForSuite, totp, Visit,
	openFromMinervaMenu, loggedInAs, assertNoPasswordInUrls, runMaintenance, answerCaptcha, shownTitle, loseAnswer,
	fillLoginPanel as fillLogin, latestRevision
} from './helpers.mjs';
import { hasExtension } from '../../scripts/wiki/wikis.mjs';

const { logsIn: leo, twoFactor: kim, resetsAndLogsIn: mallory, admin } = accounts;
const en = gadgetMessages( 'login', 'en' );
// The answer the local wikis' test-only provider asks for (scripts/wiki/TestHandOverProvider.php).
const handOverAnswer = '2026-12-02';
const resetEn = gadgetMessages( 'password-reset', 'en' );
const longPage = 'Login test: a long page';

/** A reader who is not logged in clicks "Log in" where they are, without scrolling to it. */
async function openPanel( page ) {
	// A script click, as a person's click on the link at the top of a page they scrolled keeps
	// the scroll position; Playwright's own click would scroll to the link first.
	await page.waitForFunction( () => window.accountGadgetsLoggedOut );
	await page.evaluate( () => document.querySelector( '#pt-login a, a#pt-login, #pt-login-2 a, .vector-user-menu-login a' ).click() );
	await page.getByRole( 'dialog' ).waitFor();
	await panelSettled( page );
}

const noBadLoginCaptcha = { wgCaptchaTriggers: { badlogin: false, badloginperuser: false } };

function submitButton( page, label = en.submit ) {
	return page.getByRole( 'dialog' ).getByRole( 'button', { name: label, exact: true } );
}

for ( const wiki of wikis ) {
	describe( `login on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		before( async () => {
			// A page long enough to scroll, written by the admin.
			const visit = await new Visit( suiteBrowser(), wiki ).start();
			await visit.logIn( admin );
			const text = Array.from( { length: 150 }, ( _, i ) => `Paragraph ${ i + 1 }.\n` ).join( '\n' );
			await visit.api( { action: 'edit', title: longPage, text, token: await visit.token() }, { method: 'POST' } );
			await visit.close();
		} );

		test( 'a reader logs in and is back on the same page, scrolled where they were, logged in', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await visit.open( longPage, { useskin: 'vector' } );
				await page.evaluate( () => window.scrollTo( 0, 1500 ) );
				await openPanel( page );
				// Focus starts in the first field.
				assert.equal( await page.evaluate( () => document.activeElement.getAttribute( 'autocomplete' ) ), 'username' );
				const requestsBefore = visit.apiRequests( {} ).length;
				await fillLogin( page, leo );
				await Promise.all( [ page.waitForNavigation(), submitButton( page ).click() ] );
				await loggedInAs( visit, leo.name );
				assert.equal( new URL( page.url() ).searchParams.get( 'title' ), longPage );
				assert.match( await page.locator( '#pt-userpage' ).innerText(), new RegExp( leo.name ) );
				const scrolled = await page.evaluate( () => window.scrollY );
				assert.ok( Math.abs( scrolled - 1500 ) < 50, `scrolled to ${ scrolled }` );
				// One request for the form and its token, one to log in.
				const apiCalls = visit.apiRequests( {} ).slice( 0, requestsBefore + 2 );
				assert.equal( visit.apiRequests( { action: 'clientlogin' } ).length, 1 );
				assert.ok( apiCalls.length <= requestsBefore + 2 );
				assertNoPasswordInUrls( visit, leo.password );
			} );
		} );

		test( 'a wrong password: the wiki\'s message, the username kept, the password cleared, no reload', async ( t ) => {
			t.after( overrideSettings( wiki, noBadLoginCaptcha ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await page.evaluate( () => {
					window.stillThisPage = true;
				} );
				await openPanel( page );
				await fillLogin( page, leo, 'not the password' );
				// Enter submits.
				await page.getByRole( 'dialog' ).getByLabel( 'Password', { exact: true } ).press( 'Enter' );
				await page.getByRole( 'alert' ).getByText( /Incorrect username or password/ ).waitFor();
				await panelSettled( page );
				const dialog = page.getByRole( 'dialog' );
				assert.equal( await dialog.getByRole( 'textbox', { name: 'Username' } ).inputValue(), leo.name );
				assert.equal( await dialog.getByLabel( 'Password', { exact: true } ).inputValue(), '' );
				assert.equal( await page.evaluate( () => window.stillThisPage ), true );
				assert.equal( await page.evaluate( () => mw.config.get( 'wgUserName' ) ), null );
			} );
		} );

		test( 'in the middle of an edit: the text stays, and Save makes a revision by the person who logged in', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const title = `Login test: edit ${ Date.now() }`;
				const text = `Written before logging in, ${ Date.now() }.`;
				await visit.open( title, { action: 'edit', useskin: 'vector' } );
				await page.locator( '#wpTextbox1' ).fill( text );
				await openPanel( page );
				await fillLogin( page, leo );
				await submitButton( page ).click();
				await page.getByRole( 'status' ).getByText( `You are now logged in as ${ leo.name }.`, { exact: false } ).waitFor();
				assert.equal( await page.locator( '#wpTextbox1' ).inputValue(), text );

				// A panel used now works with the new session's token, at the first try: here the reset
				// panel, from a link to the reset page such as page content has (the header's
				// "Forgot your password?" went with the login).
				assert.equal( await page.locator( 'a', { hasText: 'Forgot your password?' } ).count(), 0 );
				await page.evaluate( () => {
					$( '<a>' ).attr( 'href', mw.util.getUrl( 'Special:PasswordReset' ) ).text( 'Reset a password' ).prependTo( '#mw-content-text' );
				} );
				await page.getByRole( 'link', { name: 'Reset a password' } ).click();
				await panelSettled( page );
				await page.getByRole( 'dialog' ).getByRole( 'textbox' ).fill( leo.name );
				await page.getByRole( 'dialog' ).getByRole( 'button', { name: resetEn.send } ).click();
				await page.getByText( resetEn.sent ).waitFor();
				const resets = visit.apiRequests( { action: 'resetpassword' } );
				assert.equal( resets.length, 1, 'no retry after a badtoken' );

				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpSave' ).click() ] );
				const revisions = await visit.api( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|content', rvslots: 'main' } );
				const revision = revisions.query.pages[ 0 ].revisions[ 0 ];
				assert.equal( revision.user, leo.name );
				assert.equal( revision.slots.main.content, text );
				assertNoPasswordInUrls( visit, leo.password );
			} );
		} );

		// The wiki deletes the old session as it logs the page in, and a request that went with the
		// old cookie and reaches it afterwards gets an answer that clears the cookie: the page would
		// be logged out again (DiscussionTools asks for new comments every 5 seconds).
		test( 'a request of the page made while the login is on its way waits for its answer, and does not log the page out again', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const title = `Login test: a request made meanwhile ${ Date.now() }`;
				const text = `Written before logging in, ${ Date.now() }.`;
				await visit.open( title, { action: 'edit', useskin: 'vector' } );
				await page.locator( '#wpTextbox1' ).fill( text );
				await openPanel( page );
				await fillLogin( page, leo );
				const order = [];
				let loginAnswered;
				const answered = new Promise( ( resolve ) => {
					loginAnswered = resolve;
				} );
				await page.route( `${ wiki.api }*`, async ( route ) => {
					const request = route.request();
					const query = new URL( request.url() ).searchParams;
					if ( /action=clientlogin/.test( request.postData() || '' ) ) {
						order.push( 'login sent' );
						// The page's other request, made while the login is on its way.
						await page.evaluate( () => {
							window.madeMeanwhile = new mw.Api().get( { action: 'query', meta: 'userinfo', madeMeanwhile: 1 } )
								.then( ( answer ) => answer.query.userinfo.name );
						} );
						await page.waitForTimeout( 300 );
						await route.fulfill( { response: await route.fetch() } );
						order.push( 'login answered' );
						loginAnswered();
						return;
					}
					if ( query.has( 'inFlight' ) ) {
						// A slow answer.
						await page.waitForTimeout( 500 );
						await route.fulfill( { response: await route.fetch() } );
						order.push( 'request in flight answered' );
						return;
					}
					if ( query.has( 'madeMeanwhile' ) ) {
						order.push( 'request made meanwhile sent' );
						// It reaches the wiki after the login did, as it may on a busy wiki, with the
						// cookies it left with. (Sent from here: Chromium would send the ones it has
						// by then.)
						const cookie = ( await page.context().cookies( wiki.server ) ).map( ( { name, value } ) => `${ name }=${ value }` ).join( '; ' );
						await answered;
						const response = await fetch( request.url(), { headers: { cookie } } );
						const headers = Object.fromEntries( response.headers );
						headers[ 'set-cookie' ] = response.headers.getSetCookie().join( '\n' );
						await route.fulfill( { status: response.status, headers, body: await response.text() } );
						return;
					}
					await route.continue();
				} );
				// The page's request in flight as the person logs in.
				await page.evaluate( () => {
					new mw.Api().get( { action: 'query', meta: 'userinfo', inFlight: 1 } );
				} );
				await submitButton( page ).click();
				await page.getByRole( 'status' ).getByText( `You are now logged in as ${ leo.name }.`, { exact: false } ).waitFor();
				assert.equal( await page.evaluate( () => window.madeMeanwhile ), leo.name, 'it went after the login, as the new user' );
				assert.deepEqual( order, [ 'request in flight answered', 'login sent', 'login answered', 'request made meanwhile sent' ] );
				await loggedInAs( visit, leo.name );
				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpSave' ).click() ] );
				assert.deepEqual( await latestRevision( visit, title ), { user: leo.name, content: text } );
			} );
		} );

		test( 'a login whose answer is lost: the next try logs in, with no failed attempt in between', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openPanel( page );
				await fillLogin( page, leo );
				const reconnect = await loseAnswer( page, wiki, 'clientlogin' );
				await submitButton( page ).click();
				await page.getByRole( 'alert' ).getByText( /could not be reached/ ).waitFor();
				await panelSettled( page );
				await reconnect();
				assert.equal( await page.getByRole( 'dialog' ).getByLabel( 'Password', { exact: true } ).inputValue(), leo.password, 'nothing typed is lost' );
				// What the wiki answers to the next try, read on its way to the page.
				const answers = [];
				await page.route( `${ wiki.api }*`, async ( route ) => {
					if ( !/action=clientlogin/.test( route.request().postData() || '' ) ) {
						await route.continue();
						return;
					}
					const response = await route.fetch();
					answers.push( ( await response.json() ).clientlogin );
					await route.fulfill( { response } );
				} );
				await Promise.all( [ page.waitForNavigation(), submitButton( page ).click() ] );
				await loggedInAs( visit, leo.name );
				assert.deepEqual( answers.filter( Boolean ).map( ( answer ) => answer.status ), [ 'PASS' ], 'no failed attempt: the next try passed' );
				assertNoPasswordInUrls( visit, leo.password );
			} );
		} );

		test( 'two-factor: the code step appears, a wrong code fails clearly, the right code logs in', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openPanel( page );
				await fillLogin( page, kim );
				await submitButton( page ).click();
				const code = page.getByRole( 'dialog' ).getByRole( 'textbox', { name: /Two-factor token/ } );
				await code.waitFor();
				// 1.45 says "app" where 1.39 and 1.43 say "application".
				await page.getByRole( 'dialog' ).getByText( /Please enter a code from your two-factor authentication app/ ).waitFor();
				const right = totp( kim.totpSecret );
				await code.fill( right === '000000' ? '111111' : '000000' );
				await submitButton( page, en.continue ).click();
				// The wiki's own words: "Verification failed." on 1.39 and 1.43, "Two-factor authentication failed." on 1.45.
				await page.getByRole( 'alert' ).getByText( /^(Verification failed|Two-factor authentication failed)\.$/ ).waitFor();
				await panelSettled( page );
				assert.equal( await page.evaluate( () => mw.config.get( 'wgUserName' ) ), null );
				await code.fill( totp( kim.totpSecret ) );
				await Promise.all( [ page.waitForNavigation(), code.press( 'Enter' ) ] );
				await loggedInAs( visit, kim.name );
			} );
		} );

		if ( wiki.recoveryCodes ) {
			test( 'two-factor with a recovery code: the other method is a button named by the wiki, and a recovery code logs in', async ( t ) => {
				const code = Array.from( { length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[ Math.floor( Math.random() * 32 ) ] ).join( '' );
				runMaintenance( wiki, 'recovery-codes.php', kim.name, code );
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const { page } = visit;
					const dialog = page.getByRole( 'dialog' );
					await visit.open( 'Main Page', { useskin: 'vector' } );
					await openPanel( page );
					await fillLogin( page, kim );
					await submitButton( page ).click();
					await dialog.getByRole( 'textbox', { name: /Two-factor token/ } ).waitFor();
					await panelSettled( page );
					// As on Special:UserLogin: a button per other method, not a dropdown worded for API clients.
					const text = await dialog.innerText();
					assert.doesNotMatch( text, /do not switch|newModule|Use authenticator app/ );
					assert.equal( await dialog.getByRole( 'combobox' ).count(), 0 );
					await dialog.getByRole( 'button', { name: 'Recovery codes', exact: true } ).click();
					const recovery = dialog.getByRole( 'textbox', { name: /Recovery code/ } );
					await recovery.waitFor();
					await panelSettled( page );
					// And the way back to the app is a button too.
					await dialog.getByRole( 'button', { name: 'Authenticator app', exact: true } ).waitFor();
					await recovery.fill( code );
					await Promise.all( [ page.waitForNavigation(), recovery.press( 'Enter' ) ] );
					await loggedInAs( visit, kim.name );
					assertNoPasswordInUrls( visit, kim.password, code );
				} );
			} );
		}

		test( 'a step the panel cannot show: one sentence and "Continue on the login page", which finishes there and comes back', async ( t ) => {
			t.after( overrideSettings( wiki, { accountGadgetsHandOverProvider: true } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const dialog = page.getByRole( 'dialog' );
				await visit.open( longPage, { useskin: 'vector' } );
				await openPanel( page );
				await fillLogin( page, leo );
				await submitButton( page ).click();
				await dialog.getByText( en[ 'auth-elsewhere-login' ] ).waitFor();
				await panelSettled( page );
				const link = dialog.getByRole( 'link', { name: en[ 'auth-elsewhere-continue-login' ] } );
				const target = new URL( await link.getAttribute( 'href' ), wiki.server );
				assert.equal( target.searchParams.get( 'title' ), 'Special:UserLogin' );
				assert.equal( target.searchParams.get( 'wpName' ), leo.name );
				assert.equal( target.searchParams.get( 'returnto' ), longPage.replace( / /g, '_' ) );
				assert.equal( target.searchParams.get( 'returntoquery' ), 'useskin=vector' );
				// Never a blank step: no text box for a field the panel does not know.
				assert.equal( await dialog.getByRole( 'textbox' ).count(), 0 );
				await Promise.all( [ page.waitForNavigation(), link.click() ] );
				assert.equal( await page.locator( '#wpName1' ).inputValue(), leo.name );
				await page.locator( '#wpPassword1' ).fill( leo.password );
				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpLoginAttempt' ).click() ] );
				await page.locator( 'input[name=accountGadgetsDate]' ).fill( handOverAnswer );
				await Promise.all( [ page.waitForNavigation(), page.locator( 'input[name=accountGadgetsDate]' ).press( 'Enter' ) ] );
				await loggedInAs( visit, leo.name );
				assert.equal( shownTitle( page ), longPage.replace( / /g, '_' ), 'back where the person was' );
				assertNoPasswordInUrls( visit, leo.password );
			} );
		} );

		test( 'a provider that sends the browser to a third party: back on the page, the panel finishes the login; a page view that is not the way back opens nothing', async ( t ) => {
			t.after( overrideSettings( wiki, { accountGadgetsRedirectProvider: true } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const resumeKeys = () => page.evaluate( () => [ 'account-gadgets-auth-resume', 'account-gadgets-auth-return' ].map( ( key ) => sessionStorage.getItem( key ) ) );
				const panelRan = () => page.waitForFunction( () => mw.loader.getState( 'ext.gadget.login-panel' ) === 'ready' );
				// A page with a query of its own, which must not be sent back as the provider's (action=history
				// would replace action=clientlogin).
				const goToProvider = async () => {
					await visit.open( longPage, { action: 'history', useskin: 'vector' } );
					await openPanel( page );
					await fillLogin( page, leo );
					await submitButton( page ).click();
				};

				// The person leaves the third party another way (Back, a bookmark): the next page view
				// resumes nothing, and says nothing.
				await page.route( /accountGadgetsCode=/, ( route ) => route.fulfill( { contentType: 'text/html', body: '<p>The third party</p>' } ) );
				await goToProvider();
				await page.getByText( 'The third party' ).waitFor();
				assert.deepEqual( ( await resumeKeys() )[ 0 ], 'login' );
				await page.unroute( /accountGadgetsCode=/ );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await panelRan();
				assert.deepEqual( await resumeKeys(), [ null, null ] );
				assert.equal( await page.getByRole( 'dialog' ).count(), 0 );
				assert.equal( visit.apiRequests( { action: 'clientlogin', logincontinue: 'true' } ).length, 0 );
				assert.equal( await page.evaluate( () => mw.config.get( 'wgUserName' ) ), null );

				// The third party sends the browser back with its code: the panel goes on from there,
				// with the code alone, and the page is logged in, at its own address again.
				await goToProvider();
				await loggedInAs( visit, leo.name );
				const [ resumed ] = visit.apiRequests( { action: 'clientlogin', logincontinue: 'true' } );
				const sent = new URLSearchParams( resumed.postData );
				assert.equal( sent.get( 'accountGadgetsCode' ), 'approved' );
				assert.equal( sent.get( 'title' ), null );
				assert.equal( new URL( page.url() ).searchParams.get( 'accountGadgetsCode' ), null, 'the provider\'s code is gone from the address' );
				assert.equal( new URL( page.url() ).searchParams.get( 'action' ), 'history' );
				assert.deepEqual( await resumeKeys(), [ null, null ] );
				assertNoPasswordInUrls( visit, leo.password );
			} );
		} );

		if ( hasExtension( wiki, 'LoginNotify' ) ) {
			test( 'LoginNotify: a failed login from the panel counts as one, as on the wiki\'s own form', async ( t ) => {
				// A fresh account, so that no earlier notification is bundled with this one;
				// LoginNotify tells its owner once failures from a new device reach the limit.
				const name = `Notified ${ Date.now().toString( 36 ) }`;
				const password = `Notified-${ Math.random().toString( 36 ).slice( 2 ) }-1`;
				// The limit is 2 whether or not LoginNotify knows this address for the account.
				t.after( overrideSettings( wiki, {
					wgLoginNotifyAttemptsNewIP: 2, wgLoginNotifyAttemptsKnownIP: 2,
					wgCaptchaTriggers: { badlogin: false, badloginperuser: false, createaccount: false }
				} ) );
				const owner = await new Visit( suiteBrowser(), wiki ).start();
				await owner.api( {
					action: 'createaccount', username: name, password, retype: password,
					createreturnurl: wiki.server, createtoken: await owner.token( 'createaccount' )
				}, { method: 'POST' } );
				await owner.logIn( { name, password } );
				const alerts = async () => {
					const answer = await owner.api( { action: 'query', meta: 'notifications', notprop: 'list', notsections: 'alert', notformat: 'model' } );
					return answer.query.notifications.list.filter( ( item ) => item.category === 'login-fail' );
				};
				try {
					await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
						const { page } = visit;
						await visit.open( 'Main Page', { useskin: 'vector' } );
						await openPanel( page );
						await fillLogin( page, { name }, 'not the password' );
						await submitButton( page ).click();
						await page.getByRole( 'alert' ).getByText( /Incorrect username or password/ ).waitFor();
						await panelSettled( page );
						assert.equal( ( await alerts() ).length, 0, 'one failure is below the limit of two' );
						await page.getByRole( 'dialog' ).getByLabel( 'Password', { exact: true } ).fill( 'not the password either' );
						await submitButton( page ).click();
						await page.getByRole( 'alert' ).getByText( /Incorrect username or password/ ).waitFor();
						await panelSettled( page );
						assert.equal( ( await alerts() ).length, 1, 'the second failure reaches the limit' );
						assert.equal( visit.apiRequests( { action: 'clientlogin' } ).length, 2 );
					} );
				} finally {
					await owner.close();
				}
			} );
		}

		test( 'captcha: after a failed login the wiki\'s question appears and can be answered', async ( t ) => {
			// ConfirmEdit's failed-login trigger is on by default; one failure is enough here, and
			// it is forgotten a little later, so that later logins from this address are not asked.
			// (ConfirmEdit answers a login that lacks its answer with "Incorrect username or password".)
			const restore = overrideSettings( wiki, { wgCaptchaBadLoginAttempts: 1, wgCaptchaBadLoginExpiration: 20 } );
			try {
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const { page } = visit;
					await visit.open( 'Main Page', { useskin: 'vector' } );
					await openPanel( page );
					await fillLogin( page, leo, 'not the password' );
					await submitButton( page ).click();
					await page.getByRole( 'alert' ).getByText( /Incorrect username or password/ ).waitFor();
					await panelSettled( page );
					await page.getByRole( 'dialog' ).locator( '.account-gadgets-auth-question' ).waitFor();
					const dialog = page.getByRole( 'dialog' );
					assert.equal( await dialog.getByRole( 'textbox', { name: 'Username' } ).inputValue(), leo.name );
					assert.ok( await answerCaptcha( page ) );
					await dialog.getByLabel( 'Password', { exact: true } ).fill( leo.password );
					await Promise.all( [ page.waitForNavigation(), submitButton( page ).click() ] );
					await loggedInAs( visit, leo.name );
				} );
			} finally {
				restore();
			}
		} );

		test( 'a temporary password: "Forgot your password?" carries the name, and the panel asks for a new password', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const mailbox = new Mailbox( wiki );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openPanel( page );
				await page.getByRole( 'dialog' ).getByRole( 'textbox', { name: 'Username' } ).fill( mallory.name );
				await page.getByRole( 'dialog' ).getByRole( 'button', { name: en.forgot } ).click();
				const resetField = page.getByRole( 'dialog' ).getByRole( 'textbox', { name: resetEn[ 'field-either' ] } );
				await resetField.waitFor();
				assert.equal( await resetField.inputValue(), mallory.name );
				await page.getByRole( 'dialog' ).getByRole( 'button', { name: resetEn.send } ).click();
				await page.getByText( resetEn.sent ).waitFor();
				const mails = await mailbox.newMail();
				assert.equal( mails.length, 1 );
				const temporary = mails[ 0 ].text.match( /Temporary password:\s*\n\s*(\S+)/ )[ 1 ];

				await page.getByRole( 'dialog' ).waitFor( { state: 'hidden' } );
				await openPanel( page );
				await fillLogin( page, mallory, temporary );
				await submitButton( page ).click();
				const dialog = page.getByRole( 'dialog' );
				await dialog.getByRole( 'button', { name: en.continue, exact: true } ).waitFor();
				const fresh = dialog.locator( 'input[type=password]' );
				assert.equal( await fresh.count(), 2, 'a new password and its retype' );
				// Mallory sets her usual password again, so that the test accounts stay as printed.
				await fresh.first().fill( mallory.password );
				await dialog.locator( '[data-validity]' ).waitFor();
				assert.equal( visit.apiRequests( { action: 'validatepassword' } ).length >= 1, true, 'the live check asked the wiki' );
				await fresh.last().fill( mallory.password );
				await Promise.all( [ page.waitForNavigation(), submitButton( page, en.continue ).click() ] );
				await loggedInAs( visit, mallory.name );
				assertNoPasswordInUrls( visit, mallory.password, temporary );

				const again = await new Visit( suiteBrowser(), wiki ).start();
				try {
					const answer = await again.api( {
						action: 'clientlogin', username: mallory.name, password: temporary,
						logintoken: await again.token( 'login' ), loginreturnurl: wiki.server
					}, { method: 'POST' } );
					assert.equal( answer.clientlogin.status, 'FAIL', 'the temporary password no longer works' );
				} finally {
					await again.close();
				}
			} );
		} );

		for ( const language of [ 'ru', 'uk', 'tr' ] ) {
			test( `the panel speaks ${ language }`, async ( t ) => {
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const texts = gadgetMessages( 'login', language );
					await visit.open( 'Main Page', { useskin: 'vector', uselang: language } );
					await openPanel( visit.page );
					const dialog = visit.page.getByRole( 'dialog' );
					await dialog.getByText( texts.title ).first().waitFor();
					await dialog.getByRole( 'button', { name: texts.forgot } ).waitFor();
					await dialog.getByRole( 'button', { name: texts.submit, exact: true } ).waitFor();
				} );
			} );
		}

		test( 'Minerva at a phone\'s size: the user menu\'s "Log in" opens a panel that fills the screen, and logs in', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await openFromMinervaMenu( visit, 'Log in' );
				await fillLogin( page, leo );
				await Promise.all( [ page.waitForNavigation(), page.getByRole( 'dialog' ).getByLabel( 'Password', { exact: true } ).press( 'Enter' ) ] );
				await loggedInAs( visit, leo.name );
			} );
		} );

		test( '"Log in" opens the panel in every skin; a middle click still goes to the login page', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				for ( const skin of [ 'vector-2022', 'vector', 'monobook', 'timeless' ] ) {
					await visit.open( 'Main Page', { useskin: skin } );
					await openPanel( page );
					await page.getByRole( 'dialog' ).getByRole( 'textbox', { name: 'Username' } ).waitFor();
					await page.keyboard.press( 'Escape' );
					await page.getByRole( 'dialog' ).waitFor( { state: 'hidden' } );
				}
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await page.waitForFunction( () => window.accountGadgetsLoggedOut );
				const [ popup ] = await Promise.all( [
					page.context().waitForEvent( 'page' ),
					page.locator( '#pt-login a' ).click( { button: 'middle' } )
				] );
				await popup.waitForLoadState();
				assert.match( decodeURIComponent( popup.url() ), /Special:UserLogin/ );
				assert.equal( await page.getByRole( 'dialog' ).count(), 0 );
			} );
		} );
	} );
}
