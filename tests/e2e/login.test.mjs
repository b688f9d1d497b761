// Logging in from the in-page panel on MediaWiki 1.39 and 1.43: a plain login, a wrong password,
// the middle of an edit, two-factor, a captcha after failures, and a temporary password.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	inVisit, wikis, accounts, Mailbox, overrideSettings, gadgetMessages, panelSettled, browserForSuite, totp, Visit,
	openFromMinervaMenu, loggedInAs, assertNoPasswordInUrls
} from './helpers.mjs';

const { logsIn: leo, twoFactor: kim, resetsAndLogsIn: mallory, admin } = accounts;
const en = gadgetMessages( 'login', 'en' );
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

async function fillLogin( page, account, password = account.password ) {
	const dialog = page.getByRole( 'dialog' );
	await dialog.getByRole( 'textbox', { name: 'Username' } ).fill( account.name );
	await dialog.getByLabel( 'Password', { exact: true } ).fill( password );
}

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

				// A panel used now works with the new session's token, at the first try.
				await page.locator( 'a', { hasText: 'Forgot your password?' } ).first().click();
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

		test( 'two-factor: the code step appears, a wrong code fails clearly, the right code logs in', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openPanel( page );
				await fillLogin( page, kim );
				await submitButton( page ).click();
				const code = page.getByRole( 'dialog' ).getByRole( 'textbox', { name: /Two-factor token/ } );
				await code.waitFor();
				await page.getByRole( 'dialog' ).getByText( /Please enter a code from your two-factor authentication application/ ).waitFor();
				const right = totp( kim.totpSecret );
				await code.fill( right === '000000' ? '111111' : '000000' );
				await submitButton( page, en.continue ).click();
				await page.getByRole( 'alert' ).getByText( 'Verification failed.' ).waitFor();
				await panelSettled( page );
				assert.equal( await page.evaluate( () => mw.config.get( 'wgUserName' ) ), null );
				await code.fill( totp( kim.totpSecret ) );
				await Promise.all( [ page.waitForNavigation(), code.press( 'Enter' ) ] );
				await loggedInAs( visit, kim.name );
			} );
		} );

		test( 'captcha: after a failed login the wiki\'s question appears and can be answered', async ( t ) => {
			const restore = overrideSettings( wiki, { wgCaptchaTriggers: { badlogin: true }, wgCaptchaBadLoginAttempts: 1 } );
			try {
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const { page } = visit;
					await visit.open( 'Main Page', { useskin: 'vector' } );
					await openPanel( page );
					await fillLogin( page, leo, 'not the password' );
					await submitButton( page ).click();
					await page.getByRole( 'alert' ).getByText( /Incorrect username or password/ ).waitFor();
					await panelSettled( page );
					const question = page.getByRole( 'dialog' ).locator( '.account-gadgets-auth-question' );
					await question.waitFor();
					// SimpleCaptcha's sum, e.g. "40−1 =", with U+2212 as its minus sign.
					const [ , a, op, b ] = ( await question.innerText() ).match( /(\d+)\s*([+−-])\s*(\d+)/ );
					const answer = op === '+' ? Number( a ) + Number( b ) : Number( a ) - Number( b );
					const dialog = page.getByRole( 'dialog' );
					assert.equal( await dialog.getByRole( 'textbox', { name: 'Username' } ).inputValue(), leo.name );
					// The answer box is the one the question describes, for screen readers too.
					const questionId = await question.evaluate( ( node ) => node.closest( '.account-gadgets-auth-info' ).id );
					await dialog.locator( `input[aria-describedby~="${ questionId }"]` ).fill( String( answer ) );
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
