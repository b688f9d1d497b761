// Accessibility: an axe-core scan of every panel once it is open, in every desktop skin (Vector
// 2022, Vector, MonoBook with OOUI's Apex theme, Timeless) and in the mobile view (MobileFrontend
// with Minerva, a phone's screen), on every local wiki. A WCAG 2 A or AA violation fails the test,
// with what axe found.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	inVisit, wikis, accounts, gadgetMessages, panelSettled, browserForSuite, phone, assertMobileView, accessibilityViolations
} from './helpers.mjs';

const { sender: carol, emailable: bob, admin } = accounts;
const views = {
	'desktop (Vector 2022)': { query: { useskin: 'vector-2022' }, context: undefined },
	'desktop (Vector)': { query: { useskin: 'vector' }, context: undefined },
	'desktop (MonoBook)': { query: { useskin: 'monobook' }, context: undefined },
	'desktop (Timeless)': { query: { useskin: 'timeless' }, context: undefined },
	mobile: { query: { useformat: 'mobile' }, context: phone() }
};

/**
 * Which panels there are, and how a person gets to each: who they are, which page, which link.
 * The link is found by its text and clicked by script, wherever the skin puts it (the mobile
 * tests tap through the menus themselves).
 */
const panels = [
	{ name: 'password reset', person: null, page: 'Main Page', link: gadgetMessages( 'logged-out', 'en' )[ 'link-forgot' ] },
	{ name: 'login', person: null, page: 'Main Page', link: 'Log in' },
	{ name: 'sign-up', person: null, page: 'Main Page', link: 'Create account' },
	{ name: 'email', person: carol, gadget: 'email-user', page: `User:${ bob.name }`, link: gadgetMessages( 'email-user', 'en' )[ 'link-email' ] },
	{ name: 'password check', person: carol, gadget: 'password-check', page: 'Main Page', link: gadgetMessages( 'password-check', 'en' )[ 'link-check' ] },
	{ name: 'change password', person: carol, gadget: 'password-check', page: 'Main Page', link: gadgetMessages( 'password-check', 'en' )[ 'link-change' ] },
	{ name: 'reset as a helper', person: carol, gadget: 'password-reset-helper', page: `User:${ bob.name }`, link: gadgetMessages( 'password-reset-helper', 'en' )[ 'link-reset' ] },
	{ name: 'create an account for someone', person: admin, gadget: 'create-account', page: 'Main Page', link: gadgetMessages( 'create-account', 'en' )[ 'link-create' ] },
	{ name: 'create accounts in a batch', person: admin, gadget: 'create-account', page: 'Main Page', link: gadgetMessages( 'create-account', 'en' )[ 'link-create-batch' ] }
];

for ( const wiki of wikis ) {
	describe( `accessibility of the panels on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		for ( const [ view, { query, context } ] of Object.entries( views ) ) {
			for ( const panel of panels ) {
				test( `${ panel.name }, ${ view }: no WCAG 2 A/AA violation`, async ( t ) => {
					if ( view === 'mobile' ) {
						assertMobileView( wiki );
					}
					await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
						const { page } = visit;
						if ( panel.person ) {
							await visit.logIn( panel.person );
							await visit.setOptions( { [ `gadget-${ panel.gadget }` ]: 1 } );
						}
						await visit.open( panel.page, query );
						if ( !panel.person ) {
							await page.waitForFunction( () => window.accountGadgetsLoggedOut );
						}
						const link = page.locator( 'a', { hasText: panel.link } ).first();
						if ( panel.name === 'sign-up' && !await link.count() ) {
							// Minerva's mobile menu has no "Create account": the login panel leads there.
							await page.locator( 'a', { hasText: 'Log in' } ).first().evaluate( ( node ) => node.click() );
							await panelSettled( page );
							await page.getByRole( 'button', { name: gadgetMessages( 'login', 'en' )[ 'create-account' ] } ).click();
							await page.getByText( gadgetMessages( 'create-account', 'en' )[ 'title-self' ] ).waitFor();
						} else {
							await link.waitFor( { state: 'attached' } );
							await link.evaluate( ( node ) => node.click() );
						}
						await page.getByRole( 'dialog' ).waitFor();
						await panelSettled( page );
						assert.deepEqual( await accessibilityViolations( page, '.account-gadgets-panel' ), [] );
					}, context );
				} );
			}
		}
	} );
}
