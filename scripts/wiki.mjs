#!/usr/bin/env node
// Local test wikis, as described in scripts/wiki/wikis.mjs (MediaWiki 1.39 from Debian 12, 1.43
// from Debian 13's packages, 1.45 from the shared/vendor release tarball), each on SQLite, served
// by `php -S` on 127.0.0.1, with every email captured.
//
//   node scripts/wiki.mjs up      install what is missing, seed accounts, start every server
//   node scripts/wiki.mjs down    stop the servers this script started
//   node scripts/wiki.mjs reset   down, forget every wiki's database and mail, then up
//   node scripts/wiki.mjs info    print URLs and test accounts
//   node scripts/wiki.mjs bench-fixture   a page edited by 120 users, for `npm run bench`
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
	existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync, openSync,
	symlinkSync, lstatSync, unlinkSync
} from 'node:fs';
import path from 'node:path';
import { wikis, wikisRoot, repoRoot, accountsFile, readAccounts, benchPage, phpEnv, maintenanceArgs } from './wiki/wikis.mjs';

const systemPackages = [ 'mediawiki', 'php-cli', 'php-sqlite3', 'php-intl', 'php-mbstring', 'php-xml' ];
const seedScript = path.join( repoRoot, 'scripts/wiki/seed.php' );
const settingsScript = path.join( repoRoot, 'scripts/wiki/settings.php' );
const captureScript = path.join( repoRoot, 'scripts/wiki/capture-mail.sh' );

function log( message ) {
	process.stdout.write( `[wiki] ${ message }\n` );
}

function run( command, args, options = {} ) {
	const result = spawnSync( command, args, { stdio: [ 'ignore', 'pipe', 'pipe' ], encoding: 'utf8', ...options } );
	if ( result.status !== 0 ) {
		throw new Error( `${ command } ${ args.join( ' ' ) } failed (${ result.status }):\n${ result.stdout }\n${ result.stderr }` );
	}
	return result.stdout;
}

function haveCommand( command ) {
	return spawnSync( 'sh', [ '-c', `command -v ${ command }` ], { stdio: 'ignore' } ).status === 0;
}

function ensureSystemPackages() {
	const phpReady = haveCommand( 'php' ) &&
		/pdo_sqlite/.test( run( 'php', [ '-m' ] ) ) && /intl/.test( run( 'php', [ '-m' ] ) );
	if ( phpReady && existsSync( '/usr/share/mediawiki/index.php' ) ) {
		return;
	}
	log( `installing Debian packages: ${ systemPackages.join( ' ' ) }` );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	run( 'apt-get', [ 'update' ], { env } );
	run( 'apt-get', [ 'install', '-y', '--no-install-recommends', ...systemPackages ], { env } );
}

/**
 * The machine's own Debian mirror, read from its apt sources, so that no host name is written
 * into this repository.
 *
 * @return {string}
 */
function debianMirror() {
	const candidates = [ '/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list' ];
	for ( const file of candidates ) {
		if ( !existsSync( file ) ) {
			continue;
		}
		const text = readFileSync( file, 'utf8' );
		const deb822 = text.match( /^URIs:\s*(\S+\/debian)\/?\s*$/m );
		// One-line format: `deb [options] URI suite components`, the options being optional.
		const oneLine = text.split( '\n' )
			.map( ( line ) => line.replace( /\[[^\]]*\]/, '' ).trim().split( /\s+/ ) )
			.find( ( words ) => words[ 0 ] === 'deb' && /\/debian\/?$/.test( words[ 1 ] ) );
		const uri = deb822 ? deb822[ 1 ] : oneLine && oneLine[ 1 ].replace( /\/$/, '' );
		if ( uri ) {
			return uri;
		}
	}
	throw new Error( 'Could not find the Debian mirror in the apt sources of this machine.' );
}

// Another Debian release's MediaWiki, fetched with a throw-away apt configuration and unpacked with
// dpkg -x: nothing is installed system-wide and the system's 1.39 stays as it is.
function unpackDebianRelease( wiki ) {
	const { suite, packages, tree } = wiki.source;
	log( `fetching MediaWiki ${ wiki.version } from Debian's ${ suite }` );
	const aptDir = path.join( wikisRoot, `apt-${ suite }` );
	for ( const sub of [ 'state/lists/partial', 'cache/archives/partial', 'debs' ] ) {
		mkdirSync( path.join( aptDir, sub ), { recursive: true } );
	}
	writeFileSync( path.join( aptDir, 'sources.list' ),
		`deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${ debianMirror() } ${ suite } main\n` );
	writeFileSync( path.join( aptDir, 'state/status' ), '' );
	const aptOptions = [
		'-o', `Dir::Etc::SourceList=${ aptDir }/sources.list`,
		'-o', 'Dir::Etc::SourceParts=/dev/null',
		'-o', `Dir::State=${ aptDir }/state`,
		'-o', `Dir::State::status=${ aptDir }/state/status`,
		'-o', `Dir::Cache=${ aptDir }/cache`,
		// apt's sandbox user may not write into the project folder.
		'-o', 'APT::Sandbox::User=root'
	];
	run( 'apt-get', [ ...aptOptions, 'update' ] );
	const debsDir = path.join( aptDir, 'debs' );
	run( 'apt-get', [ ...aptOptions, 'download', ...packages ], { cwd: debsDir } );
	const treeDir = path.join( wikisRoot, tree );
	rmSync( treeDir, { recursive: true, force: true } );
	for ( const deb of readdirSync( debsDir ).filter( ( name ) => name.endsWith( '.deb' ) ) ) {
		run( 'dpkg', [ '-x', path.join( debsDir, deb ), treeDir ] );
	}
	// The package links extensions/ to the system's folder, which holds 1.39's extensions.
	const extensions = path.join( wiki.code, 'extensions' );
	if ( lstatSync( extensions, { throwIfNoEntry: false } ) ) {
		unlinkSync( extensions );
	}
	symlinkSync( 'extensions-core', extensions );
}

// A release tarball from the shared/vendor folder: core, composer vendor/, bundled extensions and
// skins, ready to run as unpacked.
function unpackVendorRelease( wiki ) {
	const vendor = vendorDir();
	const tarball = vendor && path.join( vendor, wiki.source.tarball );
	if ( !tarball || !existsSync( tarball ) ) {
		throw new Error( `MediaWiki ${ wiki.version } needs ${ wiki.source.tarball } in a shared/vendor folder beside ` +
			'this checkout (or in $ACCOUNT_GADGETS_VENDOR); see the README.' );
	}
	log( `unpacking MediaWiki ${ wiki.version } from ${ wiki.source.tarball }` );
	const treeDir = path.join( wikisRoot, wiki.source.tree );
	rmSync( treeDir, { recursive: true, force: true } );
	mkdirSync( treeDir, { recursive: true } );
	run( 'tar', [ '-xzf', tarball, '-C', treeDir ] );
}

/**
 * The wiki's MediaWiki code, where its source in the table says it comes from.
 *
 * @param {Object} wiki
 */
function ensureCode( wiki ) {
	if ( existsSync( path.join( wiki.code, 'index.php' ) ) ) {
		return;
	}
	const unpack = { system: ensureSystemPackages, debian: unpackDebianRelease, vendor: unpackVendorRelease };
	unpack[ wiki.source.kind ]( wiki );
}

/**
 * RFC 4648 base32 without padding, the form in which OATHAuth stores and shows TOTP secrets.
 *
 * @param {Buffer} bytes
 * @return {string}
 */
function base32( bytes ) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for ( const byte of bytes ) {
		bits += byte.toString( 2 ).padStart( 8, '0' );
	}
	return bits.match( /.{1,5}/g ).map( ( chunk ) => alphabet[ parseInt( chunk.padEnd( 5, '0' ), 2 ) ] ).join( '' );
}

/**
 * The test accounts, the same on both wikis. Passwords are random, made once and kept only in the
 * ignored .wikis folder: nothing secret is committed. A role added here is added to the file on
 * the next `up`, keeping the passwords already made.
 *
 * @return {Object<string,Object>} accounts by role
 */
function ensureAccounts() {
	const stored = existsSync( accountsFile ) ? readAccounts() : {};
	const password = ( role ) => stored[ role ] ? stored[ role ].password : randomBytes( 12 ).toString( 'base64url' );
	const accounts = {
		admin: {
			name: 'Admin', email: 'admin@example.test',
			groups: [ 'sysop', 'bureaucrat', 'interface-admin' ],
			// Bot passwords are only recognised by action=login when they are 32 characters of [0-9a-w].
			botPassword: stored.admin ? stored.admin.botPassword : {
				appId: 'deploy',
				password: randomBytes( 32 ).toString( 'hex' ).slice( 0, 32 ),
				grants: [ 'basic', 'editinterface', 'editsiteconfig', 'createeditmovepage', 'highvolume' ]
			}
		},
		emailable: { name: 'Bob', email: 'bob@example.test' },
		sender: { name: 'Carol', email: 'carol@example.test' },
		noEmail: { name: 'Dave' },
		refusesEmail: { name: 'Erin', email: 'erin@example.test', options: { disablemail: 1 } },
		resetByName: { name: 'Grace', email: 'grace@example.test' },
		changesPassword: { name: 'Judy', email: 'judy@example.test' },
		logsIn: { name: 'Leo', email: 'leo@example.test' },
		// Enrolled in OATHAuth's TOTP two-factor login with this secret (base32, as apps take it).
		twoFactor: { name: 'Kim', email: 'kim@example.test', totpSecret: stored.twoFactor ? stored.twoFactor.totpSecret : base32( randomBytes( 20 ) ) },
		resetsAndLogsIn: { name: 'Mallory', email: 'mallory@example.test' },
		// Hosts the user-script files on her own subpages (deploy --user-scripts), with a bot
		// password that may edit her own user scripts, and create them.
		scriptHost: {
			name: 'Olivia', email: 'olivia@example.test',
			botPassword: {
				appId: 'scripts',
				password: stored.scriptHost ? stored.scriptHost.botPassword.password : randomBytes( 32 ).toString( 'hex' ).slice( 0, 32 ),
				grants: [ 'basic', 'editmycssjs', 'createeditmovepage' ]
			}
		},
		// Uses the tools from one line in her common.js, on a wiki where they are not installed.
		usesScripts: { name: 'Peggy', email: 'peggy@example.test' },
		sharedAddress1: { name: 'Heidi', email: 'shared@example.test' },
		sharedAddress2: { name: 'Ivan', email: 'shared@example.test' },
		blockedFromEmail: {
			name: 'Frank', email: 'frank@example.test',
			// Wikitext, as admins write block reasons: the panel shows it rendered, as Special:EmailUser does.
			block: { by: 'Admin', reason: "Sending unwanted email ([[Main Page|test block]], ''again'')", noemail: true }
		}
	};
	for ( const [ role, account ] of Object.entries( accounts ) ) {
		account.password = password( role );
	}
	mkdirSync( wikisRoot, { recursive: true } );
	writeFileSync( accountsFile, JSON.stringify( accounts, null, '\t' ) + '\n', { mode: 0o600 } );
	return accounts;
}

/**
 * Where the release tarballs of MobileFrontend are: $ACCOUNT_GADGETS_VENDOR, or a `shared/vendor`
 * folder beside this checkout or beside one of its parent folders.
 *
 * @return {string|null}
 */
function vendorDir() {
	const candidates = process.env.ACCOUNT_GADGETS_VENDOR ? [ process.env.ACCOUNT_GADGETS_VENDOR ] : [];
	for ( let dir = path.dirname( repoRoot ); ; dir = path.dirname( dir ) ) {
		candidates.push( path.join( dir, 'shared/vendor' ) );
		if ( dir === path.dirname( dir ) ) {
			break;
		}
	}
	return candidates.find( ( dir ) => existsSync( dir ) ) || null;
}

/**
 * The release tarball of MobileFrontend's branch for a wiki, from the vendor folder or else from
 * MediaWiki's extension distributor.
 *
 * @param {Object} wiki
 * @return {Promise<string>} path of the tarball
 */
async function mobileFrontendTarball( wiki ) {
	const branch = `REL${ wiki.version.replace( '.', '_' ) }`;
	const vendor = vendorDir();
	const vendored = vendor && path.join( vendor, `MobileFrontend-${ branch }.tar.gz` );
	if ( vendored && existsSync( vendored ) ) {
		return vendored;
	}
	log( `MobileFrontend ${ branch } is not in a shared/vendor folder: asking MediaWiki's extension distributor` );
	const query = 'https://www.mediawiki.org/w/api.php?action=query&list=extdistbranches&edbexts=MobileFrontend&format=json&formatversion=2';
	const answer = await ( await fetch( query, { signal: AbortSignal.timeout( 20000 ) } ) ).json();
	const url = answer.query.extdistbranches.extensions.MobileFrontend[ branch ];
	const download = await fetch( url, { signal: AbortSignal.timeout( 120000 ) } );
	if ( !download.ok ) {
		throw new Error( `${ url }: HTTP ${ download.status }` );
	}
	const file = path.join( wiki.dir, `MobileFrontend-${ branch }.tar.gz` );
	writeFileSync( file, Buffer.from( await download.arrayBuffer() ) );
	return file;
}

/**
 * MobileFrontend, for the mobile view (?useformat=mobile), unpacked into the wiki's folder where
 * settings.php looks for it. Without it the wiki still runs, and `mobile-missing` says why, for
 * the mobile tests to fail with.
 *
 * @param {Object} wiki
 */
async function ensureMobileFrontend( wiki ) {
	const target = path.join( wiki.dir, 'extensions' );
	const missing = path.join( wiki.dir, 'mobile-missing' );
	if ( existsSync( path.join( target, 'MobileFrontend/extension.json' ) ) ) {
		return;
	}
	try {
		const tarball = await mobileFrontendTarball( wiki );
		log( `installing MobileFrontend for ${ wiki.version } from ${ path.basename( tarball ) }` );
		mkdirSync( target, { recursive: true } );
		run( 'tar', [ '-xzf', tarball, '-C', target ] );
		rmSync( missing, { force: true } );
	} catch ( error ) {
		const why = `MobileFrontend could not be installed for MediaWiki ${ wiki.version }: no shared/vendor ` +
			`folder with its release tarball, and MediaWiki's extension distributor did not answer (${ error.message })`;
		log( why );
		writeFileSync( missing, why + '\n' );
	}
}

/**
 * What settings.php reads of the wiki's entry in the table (extensions, settings); when it
 * changed since the last `up`, MediaWiki's updater makes the tables of what was added.
 *
 * @param {Object} wiki
 */
function describeWiki( wiki ) {
	const description = JSON.stringify( { extensions: wiki.extensions, settings: wiki.settings }, null, '\t' ) + '\n';
	const stampFile = path.join( wiki.dir, 'updated' );
	const stamp = createHash( 'sha256' ).update( description ).update( readFileSync( settingsScript ) ).digest( 'hex' );
	writeFileSync( wiki.descriptionFile, description );
	if ( existsSync( stampFile ) && readFileSync( stampFile, 'utf8' ) === stamp ) {
		return;
	}
	log( `updating the database of MediaWiki ${ wiki.version } for ${ wiki.extensions.join( ', ' ) }` );
	// The 1.39 rate limit name (emailuser) is kept for 1.39 and only warned about by newer ones.
	run( 'php', maintenanceArgs( wiki, 'update', '--quick', '--skip-config-validation' ), { cwd: wiki.code, env: phpEnv( wiki ) } );
	writeFileSync( stampFile, stamp );
}

function installWiki( wiki, accounts ) {
	if ( existsSync( wiki.settingsFile ) ) {
		return false;
	}
	log( `installing MediaWiki ${ wiki.version } into ${ path.relative( repoRoot, wiki.dir ) }` );
	rmSync( wiki.dir, { recursive: true, force: true } );
	mkdirSync( path.join( wiki.dir, 'data' ), { recursive: true } );
	const passFile = path.join( wiki.dir, 'admin-password' );
	writeFileSync( passFile, accounts.admin.password, { mode: 0o600 } );
	const generated = path.join( wiki.dir, 'generated' );
	mkdirSync( generated );
	try {
		run( 'php', [
			...maintenanceArgs( wiki, 'install' ),
			'--dbtype', 'sqlite', '--dbpath', path.join( wiki.dir, 'data' ), '--dbname', 'wiki',
			'--server', wiki.server, '--scriptpath', '', '--lang', 'en',
			'--passfile', passFile, '--confpath', generated,
			'--skins', 'Vector,MonoBook,Timeless',
			'--extensions', 'Gadgets,ConfirmEdit,OATHAuth',
			`Account Gadgets ${ wiki.version }`, accounts.admin.name
		], { cwd: wiki.code, env: { ...phpEnv( wiki ), MW_CONFIG_FILE: path.join( generated, 'LocalSettings.php' ) } } );
	} finally {
		rmSync( passFile, { force: true } );
	}
	const settings = readFileSync( path.join( generated, 'LocalSettings.php' ), 'utf8' ) +
		`\n$accountGadgetsWikiDir = ${ JSON.stringify( wiki.dir ) };\n` +
		`require_once ${ JSON.stringify( settingsScript ) };\n`;
	rmSync( generated, { recursive: true } );
	writeFileSync( wiki.settingsFile, settings );
	return true;
}

function seedWiki( wiki, accounts ) {
	const stampFile = path.join( wiki.dir, 'seeded' );
	const stamp = createHash( 'sha256' )
		.update( readFileSync( seedScript ) ).update( JSON.stringify( accounts ) ).digest( 'hex' );
	if ( existsSync( stampFile ) && readFileSync( stampFile, 'utf8' ) === stamp ) {
		return;
	}
	log( `seeding test accounts on ${ wiki.version }` );
	const accountsJson = path.join( wiki.dir, 'accounts.tmp.json' );
	writeFileSync( accountsJson, JSON.stringify( Object.values( accounts ) ), { mode: 0o600 } );
	try {
		run( 'php', maintenanceArgs( wiki, seedScript, accountsJson ), { cwd: wiki.code, env: phpEnv( wiki ) } );
	} finally {
		rmSync( accountsJson, { force: true } );
	}
	writeFileSync( stampFile, stamp );
}

function runningPid( wiki ) {
	if ( !existsSync( wiki.pidFile ) ) {
		return null;
	}
	const pid = Number( readFileSync( wiki.pidFile, 'utf8' ) );
	try {
		process.kill( pid, 0 );
		return pid;
	} catch {
		return null;
	}
}

async function answers( wiki ) {
	try {
		const response = await fetch( `${ wiki.api }?action=query&meta=siteinfo&format=json`, { signal: AbortSignal.timeout( 5000 ) } );
		const body = await response.json();
		return body.query.general.generator.includes( wiki.version );
	} catch {
		return false;
	}
}

async function portTaken( wiki ) {
	try {
		await fetch( wiki.server, { signal: AbortSignal.timeout( 2000 ) } );
		return true;
	} catch {
		return false;
	}
}

async function startServer( wiki ) {
	if ( runningPid( wiki ) ) {
		if ( await answers( wiki ) ) {
			return;
		}
		// Ours, but not answering: start it afresh.
		stopServer( wiki );
	}
	if ( await portTaken( wiki ) ) {
		throw new Error( `Port ${ wiki.port } is in use by a server this checkout did not start. ` +
			`Stop it, or choose another port with ${ wiki.portVariable }.` );
	}
	log( `starting MediaWiki ${ wiki.version } on ${ wiki.server }` );
	mkdirSync( wiki.mailDir, { recursive: true } );
	const out = openSync( wiki.logFile, 'a' );
	const server = spawn( 'php', [
		'-d', `sendmail_path=/bin/sh ${ captureScript } ${ wiki.mailDir }`,
		'-d', 'memory_limit=512M',
		'-S', `127.0.0.1:${ wiki.port }`, '-t', wiki.code
	], {
		cwd: wiki.code,
		// Several workers, because a page view loads styles, scripts and API calls at once.
		env: { ...phpEnv( wiki ), PHP_CLI_SERVER_WORKERS: '4' },
		detached: true,
		stdio: [ 'ignore', out, out ]
	} );
	server.unref();
	writeFileSync( wiki.pidFile, String( server.pid ) );
	for ( let attempt = 0; attempt < 100; attempt++ ) {
		if ( await answers( wiki ) ) {
			return;
		}
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 200 );
		} );
	}
	throw new Error( `MediaWiki ${ wiki.version } did not answer on ${ wiki.server }; see ${ wiki.logFile }` );
}

function stopServer( wiki ) {
	const pid = runningPid( wiki );
	if ( pid ) {
		log( `stopping MediaWiki ${ wiki.version } (pid ${ pid })` );
		// The server was started in its own process group: its workers go with it.
		process.kill( -pid, 'SIGTERM' );
	}
	rmSync( wiki.pidFile, { force: true } );
}

async function up() {
	ensureSystemPackages();
	const accounts = ensureAccounts();
	for ( const wiki of wikis ) {
		ensureCode( wiki );
		installWiki( wiki, accounts );
		await ensureMobileFrontend( wiki );
		describeWiki( wiki );
		seedWiki( wiki, accounts );
		await startServer( wiki );
	}
}

function info() {
	const accounts = readAccounts();
	const lines = [ '', 'Local wikis:' ];
	for ( const wiki of wikis ) {
		lines.push( `  MediaWiki ${ wiki.version }: ${ wiki.server }/index.php/Main_Page  (mail: ${ path.relative( repoRoot, wiki.mailDir ) })` );
		lines.push( existsSync( path.join( wiki.dir, 'mobile-missing' ) ) ?
			`    mobile view: not available (${ readFileSync( path.join( wiki.dir, 'mobile-missing' ), 'utf8' ).trim() })` :
			`    mobile view: ${ wiki.server }/index.php/Main_Page?useformat=mobile` );
	}
	lines.push( '', 'Test accounts (the same on every wiki):' );
	for ( const [ role, account ] of Object.entries( accounts ) ) {
		lines.push( `  ${ account.name.padEnd( 8 ) } ${ account.password }  ${ role }${ account.email ? `, ${ account.email }` : ', no email' }` +
			( account.totpSecret ? `, two-factor secret ${ account.totpSecret } (add it to an authenticator app)` : '' ) );
	}
	lines.push( '', 'Gadgets are switched on in Special:Preferences → Gadgets.', '' );
	process.stdout.write( lines.join( '\n' ) );
}

function benchFixture() {
	const script = path.join( repoRoot, 'scripts/wiki/many-editors.php' );
	for ( const wiki of wikis ) {
		log( run( 'php', maintenanceArgs( wiki, script, benchPage, '120' ), { cwd: wiki.code, env: phpEnv( wiki ) } ).trim() );
	}
}

const requested = process.argv[ 2 ] || 'up';
const commands = {
	up,
	down: () => wikis.forEach( stopServer ),
	reset: async () => {
		wikis.forEach( stopServer );
		for ( const wiki of wikis ) {
			rmSync( wiki.dir, { recursive: true, force: true } );
		}
		await up();
	},
	info,
	'bench-fixture': benchFixture
};
if ( !commands[ requested ] ) {
	process.stderr.write( `Usage: node scripts/wiki.mjs ${ Object.keys( commands ).join( '|' ) }\n` );
	process.exit( 2 );
}
await commands[ requested ]();
