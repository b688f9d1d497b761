// Phones: MediaWiki's mobile view (MobileFrontend with Minerva) at 360 × 640 with touch, on
// every local wiki. Every entry point is where a Minerva user looks for it and is tapped,
// not clicked by script; the panels fill the screen; the emails are the ones the wikis sent.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	inVisit, wikis, accounts, Mailbox, gadgetMessages, panelSettled, browserForSuite, phone, assertMobileView, sendEmailInPanel
} from './helpers.mjs';

const { resetByName: grace, sender: carol, emailable: bob, changesPassword: judy } = accounts;
const mobile = { useformat: 'mobile' };
const views = [
	{ name: 'mobile view', query: mobile },
	{ name: 'Minerva on the desktop site', query: { useskin: 'minerva' } }
];

/**
 * Opens the menu that holds Minerva's personal links and taps one of them: the main menu (the
 * hamburger) in the mobile view; the user menu (top right) on the desktop site.
 */
async function tapInPersonalMenu( page, name ) {
	const inMainMenu = await page.locator( '#mw-mf-page-left #p-personal' ).count();
	// A tap where the icon is: 1.45's Minerva lays its checkbox over the icon's label.
	await page.locator( inMainMenu ? '#mw-mf-main-menu-button' : '#minerva-user-menu-toggle' ).tap( { force: true } );
	const entry = page.getByRole( 'link', { name, exact: true } );
	await entry.waitFor( { state: 'visible' } );
	await entry.tap();
}

/** Opens a user page's overflow menu ("More" in its page actions) and taps one of its entries. */
async function tapInPageActions( page, name ) {
	const overflow = page.locator( '#page-actions-overflow-toggle' );
	await overflow.waitFor( { state: 'visible' } );
	// A tap where the icon is: 1.45's Minerva lays its checkbox over the icon's label.
	await overflow.tap( { force: true } );
	// The overflow menu is the tools portlet, #p-tb, in Minerva.
	const entry = page.locator( '#p-tb' ).getByRole( 'link', { name, exact: true } );
	await entry.waitFor( { state: 'visible' } );
	await entry.tap();
}

/** The panel is open, settled, and fills the phone's screen without sideways scrolling. */
async function panelFillsScreen( page ) {
	await page.getByRole( 'dialog' ).waitFor();
	await panelSettled( page );
	const box = await page.evaluate( () => {
		const dialog = document.querySelector( '.oo-ui-processDialog' );
		const rect = dialog.getBoundingClientRect();
		const body = dialog.querySelector( '.oo-ui-window-body' );
		return {
			left: rect.left, top: rect.top, fillsWidth: rect.width === window.innerWidth, fillsHeight: rect.height === window.innerHeight,
			scrollsSideways: body.scrollWidth > body.clientWidth
		};
	} );
	assert.deepEqual( box, { left: 0, top: 0, fillsWidth: true, fillsHeight: true, scrollsSideways: false }, 'full screen, nothing to scroll sideways' );
}

/**
 * Every control in the panel can be hit with a finger: at least 24 × 24 CSS pixels, WCAG 2.2's
 * minimum target size.
 */
async function assertTouchTargets( page ) {
	const small = await page.evaluate( () => Array.from(
		document.querySelectorAll( '.oo-ui-processDialog a, .oo-ui-processDialog button, .oo-ui-processDialog input:not([type=hidden]), .oo-ui-processDialog textarea, .oo-ui-processDialog [role=button]' )
	).filter( ( node ) => node.getClientRects().length ).map( ( node ) => {
		// A checkbox is hit on its box or on its label, which toggles it too.
		const parts = [ node.closest( '.oo-ui-buttonElement' ) || node, node.id && document.querySelector( `label[for="${ node.id }"]` ) ]
			.filter( Boolean ).map( ( part ) => part.getBoundingClientRect() );
		const width = Math.max( ...parts.map( ( rect ) => rect.right ) ) - Math.min( ...parts.map( ( rect ) => rect.left ) );
		const height = Math.max( ...parts.map( ( rect ) => rect.bottom ) ) - Math.min( ...parts.map( ( rect ) => rect.top ) );
		return { what: node.outerHTML.slice( 0, 80 ), width, height };
	} ).filter( ( target ) => target.width < 24 || target.height < 24 ) );
	assert.deepEqual( small, [], 'touch targets of at least 24 × 24 px' );
}

/**
 * With the on-screen keyboard up (the visible height shrinks to 330 px), the focused field and
 * what the panel says about it stay in view.
 */
async function assertVisibleAboveKeyboard( page, selector ) {
	await page.setViewportSize( { width: 360, height: 330 } );
	await page.waitForFunction( ( shown ) => {
		const inView = ( node ) => {
			const rect = node && node.getBoundingClientRect();
			return rect && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
		};
		return inView( document.activeElement ) && inView( document.querySelector( shown ) );
	}, selector, { timeout: 5000 } ).catch( async () => {
		const where = await page.evaluate( ( shown ) => [ document.activeElement, document.querySelector( shown ) ]
			.map( ( node ) => node && JSON.stringify( node.getBoundingClientRect() ) ), selector );
		assert.fail( `not in view above the keyboard (focused field, ${ selector }): ${ where.join( ', ' ) }` );
	} );
	await page.setViewportSize( { width: 360, height: 640 } );
}

for ( const wiki of wikis ) {
	describe( `phones: the mobile view of MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();
		const onPhone = ( t, body ) => {
			assertMobileView( wiki );
			return inVisit( t, suiteBrowser(), wiki, body, phone() );
		};

		// The entry points: in the mobile view, and the same in the Minerva skin of the desktop site.
		for ( const view of views ) {
			test( `a logged-out reader taps "Forgot your password?" in Minerva's menu and resets by username: one email (${ view.name })`, async ( t ) => {
				const en = gadgetMessages( 'password-reset', 'en' );
				await onPhone( t, async ( visit ) => {
					const { page } = visit;
					const mailbox = new Mailbox( wiki );
					await visit.open( 'Main Page', view.query );
					await page.waitForFunction( () => window.accountGadgetsLoggedOut );
					await tapInPersonalMenu( page, gadgetMessages( 'logged-out', 'en' )[ 'link-forgot' ] );
					await panelFillsScreen( page );
					await assertTouchTargets( page );
					await page.getByRole( 'textbox', { name: en[ 'field-either' ] } ).fill( grace.name );
					await page.getByRole( 'button', { name: en.send } ).tap();
					await page.getByText( en.sent ).waitFor();
					const mails = await mailbox.newMail();
					assert.equal( mails.length, 1 );
					assert.equal( mails[ 0 ].to, grace.email );
				} );
			} );

			test( `a logged-in user taps "Email this user" in User:Bob's page actions: the email arrives (${ view.name })`, async ( t ) => {
				const en = gadgetMessages( 'email-user', 'en' );
				await onPhone( t, async ( visit ) => {
					const { page } = visit;
					const mailbox = new Mailbox( wiki );
					await visit.logIn( carol );
					await visit.setOptions( { 'gadget-email-user': 1 } );
					await visit.open( `User:${ bob.name }`, view.query );
					await page.waitForFunction( () => window.accountGadgetsEmailUser );
					await tapInPageActions( page, en[ 'link-email' ] );
					await panelFillsScreen( page );
					await assertTouchTargets( page );
					const subject = `From a phone on ${ wiki.version } ${ Date.now() }`;
					// A tap on the button's middle. Minerva's header on the desktop site overflows a phone's
					// width once Echo adds its badge (1.43+), and the browser zooms the page out to fit;
					// Playwright's hit test then misplaces the button, where a finger does not.
					const mails = await sendEmailInPanel( page, mailbox, { subject, message: 'Typed on a phone.' }, ( button ) => button.tap( { force: true } ) );
					assert.equal( mails.length, 1 );
					assert.equal( mails[ 0 ].to, bob.email );
					assert.match( mails[ 0 ].text, /Typed on a phone\./ );
				} );
			} );

			test( `"Check a password" in Minerva's menu works by touch; the verdict stays above the keyboard (${ view.name })`, async ( t ) => {
				const en = gadgetMessages( 'password-check', 'en' );
				await onPhone( t, async ( visit ) => {
					const { page } = visit;
					await visit.logIn( carol );
					await visit.setOptions( { 'gadget-password-check': 1 } );
					await visit.open( 'Main Page', view.query );
					await page.waitForFunction( () => window.accountGadgetsPasswordCheck );
					await tapInPersonalMenu( page, en[ 'link-check' ] );
					await panelFillsScreen( page );
					await assertTouchTargets( page );
					const field = page.getByLabel( en[ 'new-password-label' ], { exact: true } );
					await field.tap();
					await field.pressSequentially( 'Correct-Horse-Battery-9' );
					await page.locator( '[data-validity="Good"]' ).waitFor();
					await assertVisibleAboveKeyboard( page, '[data-validity="Good"]' );
				} );
			} );
		}

		test( '"Change password" in Minerva\'s menu works by touch, and the new password is the one that counts', async ( t ) => {
			const en = gadgetMessages( 'password-check', 'en' );
			const changeTo = async ( page, password ) => {
				await tapInPersonalMenu( page, en[ 'link-change' ] );
				await panelFillsScreen( page );
				const field = page.getByLabel( en[ 'new-password-label' ], { exact: true } );
				await field.tap();
				await field.fill( password );
				await page.locator( '[data-validity="Good"]' ).waitFor();
				await assertVisibleAboveKeyboard( page, '[data-validity="Good"]' );
				await page.getByLabel( en[ 'retype-label' ] ).fill( password );
				await page.getByRole( 'button', { name: en.change } ).tap();
				await page.getByText( en.changed ).waitFor();
			};
			await onPhone( t, async ( visit ) => {
				const { page } = visit;
				await visit.logIn( judy );
				await visit.setOptions( { 'gadget-password-check': 1 } );
				await visit.open( 'Main Page', mobile );
				await page.waitForFunction( () => window.accountGadgetsPasswordCheck );
				const newPassword = `Phone-${ wiki.id }-Password-${ Date.now() }`;
				await changeTo( page, newPassword );
				const check = await visit.api( {
					action: 'clientlogin', username: judy.name, password: judy.password,
					logintoken: await visit.token( 'login' ), loginreturnurl: wiki.server
				}, { method: 'POST' } );
				assert.equal( check.clientlogin.status, 'FAIL', 'the old password no longer logs in' );
				// And back, the same way, so that the test accounts stay as printed.
				await visit.logIn( { name: judy.name, password: newPassword } );
				await visit.open( 'Main Page', mobile );
				await page.waitForFunction( () => window.accountGadgetsPasswordCheck );
				await changeTo( page, judy.password );
			} );
		} );

		test( 'each gadget switched on loads in the mobile view; one switched off does not', async ( t ) => {
			await onPhone( t, async ( visit ) => {
				await visit.logIn( carol );
				await visit.setOptions( { 'gadget-email-user': 1, 'gadget-password-check': 1, 'gadget-password-reset-helper': 1, 'gadget-email-user-marks': 0 } );
				await visit.open( `User:${ bob.name }`, mobile );
				await visit.page.waitForFunction( () => window.accountGadgetsEmailUser && window.accountGadgetsPasswordCheck && window.accountGadgetsPasswordResetHelper );
				const states = await visit.page.evaluate( () => [ 'email-user', 'password-check', 'password-reset-helper', 'email-user-marks' ]
					.map( ( name ) => mw.loader.getState( `ext.gadget.${ name }` ) ) );
				assert.deepEqual( states, [ 'ready', 'ready', 'ready', 'registered' ] );
				assert.deepEqual( visit.scriptErrors(), [] );
			} );
			await onPhone( t, async ( visit ) => {
				await visit.open( 'Main Page', mobile );
				await visit.page.waitForFunction( () => window.accountGadgetsLoggedOut );
				assert.equal( await visit.page.evaluate( () => mw.loader.getState( 'ext.gadget.logged-out' ) ), 'ready', 'the default gadget, for a logged-out reader' );
			} );
		} );
	} );
}
