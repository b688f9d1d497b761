#!/usr/bin/env node
// Builds every gadget into gadgets/: Gadget-<name>.js (and .css), the definition block, and the
// description messages that deploy writes to a wiki.
//
//   node build.mjs                       build; warn when Gadgets-definition.txt is out of date
//   node build.mjs --update-definition   also rewrite the committed Gadgets-definition.txt
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { repoRoot } from './scripts/wiki/wikis.mjs';
import path from 'node:path';
import {
	listModules, renderDefinition, definitionDrift, definitionFile, es5Errors, compile, wrap,
	gadgetsDir, version, descriptionPages, userScriptsDir, userScriptTools
} from './scripts/build/gadgets.mjs';

const commit = spawnSync( 'git', [ 'rev-parse', '--short', 'HEAD' ], { encoding: 'utf8' } ).stdout.trim();

/**
 * Compiles, checks and writes one file.
 *
 * @param {string} file
 * @param {string} name for the banner
 * @param {string|Object} entry see compile()
 * @param {Object} defines
 * @param {Object} options see compile()
 */
async function writeScript( file, name, entry, defines, options ) {
	let code = await compile( entry, { ACCOUNT_GADGETS_VERSION: version, ...defines }, options );
	if ( options.after ) {
		// What ResourceLoader does for a gadget: its MediaWiki modules first, then its code.
		code = `mw.loader.using( ${ JSON.stringify( options.after ) } ).then( function () {\n${ code.trim() }\n} );`;
	}
	const errors = es5Errors( code );
	if ( errors.length ) {
		throw new Error( `${ name } is not ES5 after lowering: ${ errors.join( '; ' ) }` );
	}
	writeFileSync( file, wrap( name, code, commit ) );
}

/**
 * The user-script route (one line in common.js, see src/user-script/loader.ts), from the same
 * sources: account-gadgets.js, the loader; account-gadgets-<tool>.js, each tool's stub;
 * account-gadgets-all.js, every tool's stub in one file (the default); and
 * account-gadgets-<name>-panel.js, each panel, which loads its MediaWiki dependencies itself.
 *
 * @param {Array} modules
 */
async function buildUserScripts( modules ) {
	rmSync( userScriptsDir, { recursive: true, force: true } );
	mkdirSync( userScriptsDir, { recursive: true } );
	const tools = userScriptTools( modules );
	const panels = modules.filter( ( module ) => module.options.hidden );
	const styled = modules.filter( ( module ) => module.styles );
	if ( styled.length ) {
		throw new Error( `The user-script route has no stylesheets: ${ styled.map( ( module ) => module.name ).join( ', ' ) } ` +
			'should import its CSS as text, as src/lib/panel.ts does.' );
	}
	const dependencies = Object.fromEntries( tools.map( ( module ) => [ module.name, module.options.dependencies || [] ] ) );
	dependencies.all = [ ...new Set( tools.flatMap( ( module ) => dependencies[ module.name ] ) ) ];
	const file = ( name ) => path.join( userScriptsDir, `account-gadgets-${ name }.js` );
	for ( const module of tools ) {
		await writeScript( file( module.name ), module.name, module.entry, {}, { minify: true, userScript: true } );
	}
	for ( const module of panels ) {
		const after = module.options.dependencies || [];
		await writeScript( file( module.name ), module.name, module.entry, {}, { userScript: true, after } );
	}
	const all = {
		contents: tools.map( ( module ) => `import ${ JSON.stringify( module.entry ) };` ).join( '\n' ),
		resolveDir: userScriptsDir
	};
	await writeScript( file( 'all' ), 'all tools', all, {}, { minify: true, userScript: true } );
	const loader = path.join( repoRoot, 'src/user-script/loader.ts' );
	await writeScript( path.join( userScriptsDir, 'account-gadgets.js' ), 'account-gadgets', loader,
		{ ACCOUNT_GADGETS_DEPENDENCIES: dependencies }, { minify: true, userScript: true } );
}

async function build() {
	const modules = listModules();
	rmSync( gadgetsDir, { recursive: true, force: true } );
	mkdirSync( gadgetsDir, { recursive: true } );
	for ( const module of modules ) {
		// Stubs load on every page view and ResourceLoader's minifier keeps names: they are minified
		// here. Panels stay readable for the admins who review what they install.
		await writeScript( path.join( gadgetsDir, `Gadget-${ module.name }.js` ), module.name, module.entry, {}, { minify: !module.options.hidden } );
		if ( module.styles ) {
			writeFileSync( path.join( gadgetsDir, `Gadget-${ module.name }.css` ), wrap( module.name, readFileSync( module.styles, 'utf8' ), commit ) );
		}
	}
	const definition = renderDefinition( modules );
	writeFileSync( path.join( gadgetsDir, 'Gadgets-definition.txt' ), definition );
	writeFileSync( path.join( gadgetsDir, 'messages.json' ), JSON.stringify( descriptionPages( modules ), null, '\t' ) + '\n' );

	if ( process.argv.includes( '--update-definition' ) ) {
		writeFileSync( definitionFile, definition );
	} else {
		const committed = existsSync( definitionFile ) ? readFileSync( definitionFile, 'utf8' ) : '';
		if ( definitionDrift( committed, definition ).length ) {
			process.stderr.write( 'Gadgets-definition.txt is out of date: run `node build.mjs --update-definition` and commit it.\n' );
		}
	}
	await buildUserScripts( modules );
	process.stdout.write( `Built ${ modules.length } gadget modules into ${ path.relative( process.cwd(), gadgetsDir ) || '.' }/, ` +
		`and the user-script files into ${ path.relative( process.cwd(), userScriptsDir ) }/\n` );
}

await build();
