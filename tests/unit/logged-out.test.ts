import { specialPage } from '../../src/gadgets/logged-out/logic';

// What a wiki in Russian has in wgNamespaceIds for its Special namespace (and two others).
const namespaceIds = { special: -1, служебная: -1, спецстраница: -1, help: 12, справка: 12, '': 0 };
const host = '127.0.0.1:8143';

/** A link as the browser parses its address. */
function link( address: string ): { host: string; pathname: string; search: string } {
	const url = new URL( address, `http://${ host }` );
	return { host: url.host, pathname: url.pathname, search: url.search };
}

const pageOf = ( address: string ): string | undefined => specialPage( link( address ), host, namespaceIds );

QUnit.module( 'logged-out: which page a link points to', () => {
	QUnit.test( 'in `title=` or in the article path, in lower case as MediaWiki compares names', ( assert ) => {
		assert.strictEqual( pageOf( '/index.php?title=Special:UserLogin&returnto=Main_Page' ), 'userlogin' );
		assert.strictEqual( pageOf( '/index.php?returnto=Main_Page&title=Special:CreateAccount' ), 'createaccount' );
		assert.strictEqual( pageOf( '/wiki/Special:PasswordReset' ), 'passwordreset' );
		assert.strictEqual( pageOf( '/index.php/Special:Userlogin?returnto=Talk%3AFoo' ), 'userlogin', "DiscussionTools' spelling" );
		assert.strictEqual( pageOf( `http://${ host }/index.php?title=Special:UserLogin` ), 'userlogin', 'an absolute address of this wiki' );
	} );

	QUnit.test( 'a subpage stays, so that the old sign-up address can be told apart', ( assert ) => {
		assert.strictEqual( pageOf( '/index.php?title=Special:UserLogin/signup&returnto=X' ), 'userlogin/signup' );
		assert.strictEqual( pageOf( '/wiki/Special:UserLogin/signup' ), 'userlogin/signup' );
	} );

	QUnit.test( 'type=signup is the sign-up form, as the subpage is (MobileFrontend\'s "Sign up" links so)', ( assert ) => {
		assert.strictEqual( pageOf( '/index.php?title=Special:UserLogin&returnto=Page%23%2Feditor%2Fall&warning=mobile-frontend-edit-signup-action&type=signup' ), 'userlogin/signup' );
		assert.strictEqual( pageOf( '/index.php?title=Special:UserLogin&type=signupx' ), 'userlogin', 'another type' );
		assert.strictEqual( pageOf( '/index.php?title=Special:UserLogin&returnto=Main_Page&returntoquery=type%3Dsignup' ), 'userlogin', 'a type for the page it returns to' );
		assert.strictEqual( pageOf( '/index.php?title=Special:UserLogin&returnto=X&returntoquery=a%3D1%26type%3Dsignup' ), 'userlogin', 'also after another parameter there' );
	} );

	QUnit.test( 'any name of the Special namespace, and the wiki\'s own page names', ( assert ) => {
		assert.strictEqual( pageOf( '/wiki/%D0%A1%D0%BB%D1%83%D0%B6%D0%B5%D0%B1%D0%BD%D0%B0%D1%8F:%D0%92%D1%85%D0%BE%D0%B4' ), 'вход', 'Служебная:Вход' );
		assert.strictEqual( pageOf( '/index.php?title=Спецстраница:UserLogin' ), 'userlogin' );
		assert.strictEqual( pageOf( '/index.php?title=special:createaccount' ), 'createaccount' );
	} );

	QUnit.test( 'any other link is not a special page', ( assert ) => {
		assert.strictEqual( pageOf( '/wiki/Help:UserLogin' ), undefined, 'another namespace' );
		assert.strictEqual( pageOf( '/wiki/Main_Page' ), undefined );
		assert.strictEqual( pageOf( '/index.php?title=Main_Page&returnto=Special:UserLogin' ), undefined, 'a returnto is not where a link goes' );
		assert.strictEqual( specialPage( link( 'https://other.example/wiki/Special:UserLogin' ), host, namespaceIds ), undefined, 'another wiki' );
		assert.strictEqual( pageOf( '/wiki/Unknown:UserLogin' ), undefined, 'a prefix that is no namespace' );
	} );

	QUnit.test( 'a malformed address throws, so that the link is simply followed', ( assert ) => {
		assert.throws( () => pageOf( '/index.php?title=Special:UserLogin%E0%A4%A' ) );
	} );
} );
