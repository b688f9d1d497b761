#!/usr/bin/env node
// Deploys the built gadgets to both local wikis with the same code a real wiki gets
// (scripts/deploy.mjs), logging in with the bot password `wiki up` made for the admin account.
import { deploy } from './deploy.mjs';
import { wikis, readAccounts } from './wiki/wikis.mjs';

const admin = readAccounts().admin;
for ( const wiki of wikis ) {
	await deploy( {
		apiUrl: wiki.api,
		username: `${ admin.name }@${ admin.botPassword.appId }`,
		password: admin.botPassword.password,
		log: ( line ) => console.log( `[deploy ${ wiki.version }] ${ line }` )
	} );
}
