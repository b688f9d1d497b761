// The local wikis, as data: which MediaWiki, where its code comes from, which extensions it loads
// and which settings it has beyond the shared ones (settings.php). The wiki script, the local
// deploy, the bench and the end-to-end tests all read this one table, so a fourth wiki is one
// entry here, and a port or a folder is named only here.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '../..' );
export const wikisRoot = path.join( repoRoot, '.wikis' );

// What every local wiki loads, as a wiki that uses gadgets has: the editors, the anti-abuse tools
// and ConfirmEdit with its default triggers (a test that needs one off turns it off for itself).
const everywhere = [
	'Gadgets', 'ConfirmEdit', 'OATHAuth', 'VisualEditor', 'WikiEditor', 'AbuseFilter', 'TitleBlacklist'
];
// DiscussionTools needs VisualEditor and Linter; LoginNotify and Thanks need Echo. Debian's 1.39
// package has none of these four.
const fromOneFortyThree = [ 'Echo', 'Linter', 'DiscussionTools', 'LoginNotify' ];

/**
 * Where a wiki's code comes from (see ensureCode in scripts/wiki.mjs):
 * - `system`: Debian 12's `mediawiki` package, installed with apt;
 * - `debian`: another Debian release's `mediawiki` packages, fetched with a throw-away apt
 *   configuration and unpacked with dpkg -x into `tree`, nothing installed system-wide;
 * - `vendor`: a release tarball in the shared/vendor folder, unpacked into `tree`.
 */
const table = [
	{
		id: 'mw139',
		version: '1.39',
		source: { kind: 'system', code: '/usr/share/mediawiki' },
		// VisualEditor on 1.39 needs the Parsoid extension from core's vendor folder, which it
		// runs in-process (settings.php).
		extensions: [ ...everywhere, 'Parsoid' ],
		settings: {},
		// 1.39 has no temporary accounts; 1.43 has them, off unless a test switches them on.
		temporaryAccounts: false,
		recoveryCodes: false
	},
	{
		id: 'mw143',
		version: '1.43',
		source: { kind: 'debian', suite: 'trixie', packages: [ 'mediawiki', 'mediawiki-classes' ], tree: 'mediawiki-1.43', code: 'usr/share/mediawiki' },
		extensions: [ ...everywhere, ...fromOneFortyThree ],
		settings: {},
		temporaryAccounts: true,
		recoveryCodes: false
	},
	{
		id: 'mw145',
		version: '1.45',
		source: { kind: 'vendor', tarball: 'mediawiki-1.45.0.tar.gz', tree: 'mediawiki-1.45', code: 'mediawiki-1.45.0' },
		extensions: [ ...everywhere, ...fromOneFortyThree ],
		// As every Wikimedia wiki now has: an edit by a logged-out person makes a temporary account.
		settings: { wgAutoCreateTempUser: { enabled: true } },
		temporaryAccounts: true,
		// OATHAuth 1.45 keeps recovery codes as a two-factor method of their own.
		recoveryCodes: true
	}
];

/** Every local wiki; `wikis` below is those chosen with ACCOUNT_GADGETS_WIKIS (e.g. `1.45`, or `1.39,1.45`). */
export const allWikis = table.map( ( wiki ) => {
	const dir = path.join( wikisRoot, wiki.id );
	const portVariable = `MW${ wiki.version.replace( '.', '' ) }_PORT`;
	const port = Number( process.env[ portVariable ] || 8100 + Number( wiki.version.split( '.' )[ 1 ] ) );
	const code = wiki.source.kind === 'system' ? wiki.source.code : path.join( wikisRoot, wiki.source.tree, wiki.source.code );
	return {
		...wiki,
		port,
		portVariable,
		code,
		dir,
		server: `http://127.0.0.1:${ port }`,
		api: `http://127.0.0.1:${ port }/api.php`,
		settingsFile: path.join( dir, 'LocalSettings.php' ),
		// What settings.php reads of this table: extensions and settings.
		descriptionFile: path.join( dir, 'wiki.json' ),
		overridesFile: path.join( dir, 'overrides.json' ),
		mailDir: path.join( dir, 'mail' ),
		pidFile: path.join( dir, 'server.pid' ),
		logFile: path.join( dir, 'server.log' )
	};
} );

const chosen = ( process.env.ACCOUNT_GADGETS_WIKIS || '' ).split( ',' ).filter( Boolean );
export const wikis = chosen.length ? allWikis.filter( ( wiki ) => chosen.includes( wiki.version ) ) : allWikis;

/**
 * Whether a wiki has an extension, for tests of what only some versions carry.
 *
 * @param {Object} wiki
 * @param {string} extension
 * @return {boolean}
 */
export function hasExtension( wiki, extension ) {
	return wiki.extensions.includes( extension );
}

/**
 * What the wiki script and the tests give PHP to run one of the wiki's maintenance scripts.
 *
 * @param {Object} wiki
 * @return {Object} environment variables
 */
export function phpEnv( wiki ) {
	// The server address follows the port chosen now (MW139_PORT…), not the one at install time.
	return { ...process.env, MW_INSTALL_PATH: wiki.code, MW_CONFIG_FILE: wiki.settingsFile, ACCOUNT_GADGETS_SERVER: wiki.server };
}

/**
 * The php arguments that run a maintenance script: core's by name (`install`), or ours by path.
 * 1.40 and later run them through run.php; 1.39 runs them directly.
 *
 * @param {Object} wiki
 * @param {string} script
 * @param {...string} args
 * @return {string[]}
 */
export function maintenanceArgs( wiki, script, ...args ) {
	if ( wiki.version === '1.39' ) {
		return [ script.endsWith( '.php' ) ? script : path.join( wiki.code, 'maintenance', `${ script }.php` ), ...args ];
	}
	return [ path.join( wiki.code, 'maintenance/run.php' ), script, ...args ];
}

export const accountsFile = path.join( wikisRoot, 'accounts.json' );

/** The page `wiki bench-fixture` has edited by 120 users. */
export const benchPage = 'Bench: many editors';

/**
 * The seeded test accounts (same names and passwords on every wiki), made by `wiki up`.
 *
 * @return {Object<string,{name:string,password:string,email?:string}>}
 */
export function readAccounts() {
	if ( !existsSync( accountsFile ) ) {
		throw new Error( 'No local wikis yet: run `npm run wiki -- up` first.' );
	}
	return JSON.parse( readFileSync( accountsFile, 'utf8' ) );
}
