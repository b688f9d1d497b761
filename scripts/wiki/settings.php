<?php
/**
 * Settings shared by the local test wikis, included at the end of each wiki's generated
 * LocalSettings.php after it sets $accountGadgetsWikiDir (the wiki's own folder under .wikis/).
 * What differs between the wikis (extensions, settings) is their entry in scripts/wiki/wikis.mjs,
 * which `wiki up` writes to wiki.json in that folder.
 */

if ( !defined( 'MEDIAWIKI' ) ) {
	exit;
}

// Set by scripts/wiki.mjs for the server and maintenance scripts, so the port can change.
if ( getenv( 'ACCOUNT_GADGETS_SERVER' ) ) {
	$wgServer = getenv( 'ACCOUNT_GADGETS_SERVER' );
}

// Both wikis are on 127.0.0.1, and cookies do not tell ports apart: each wiki's cookies get their
// own names, or a page of one that loads a user script from the other (the common.js route)
// would lose its session to the other wiki's answer.
$wgCookiePrefix = basename( $accountGadgetsWikiDir );

$wgEnableEmail = true;
$wgEnableUserEmail = true;
// Tests seed confirmed addresses directly; confirming by mail would only slow them down.
$wgEmailAuthentication = false;
$wgPasswordSender = 'wiki@example.test';
$wgEmergencyContact = 'wiki@example.test';
// Mail goes through PHP's mail(): the server runs with sendmail_path pointing at capture-mail.sh.
$wgSMTP = false;

$wgMainCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
$wgEnableUploads = false;
// The user-script route: people load the tools from their common.js (off by default in MediaWiki).
$wgAllowUserJs = true;
$wgDefaultSkin = 'vector-2022';
// Only interface admins may edit gadgets; the deploy bot password asks for that grant.
$wgGroupPermissions['user']['sendemail'] = true;

// Minerva, the skin of phones, also on desktop (?useskin=minerva): the panels must work in it too.
wfLoadSkin( 'MinervaNeue' );

// The mobile view (?useformat=mobile, or a phone's browser), when `wiki up` could install
// MobileFrontend (Debian has no package of it); desktop pages are the same with it or without.
$accountGadgetsMobileFrontend = "$accountGadgetsWikiDir/extensions/MobileFrontend/extension.json";
if ( is_readable( $accountGadgetsMobileFrontend ) ) {
	wfLoadExtension( 'MobileFrontend', $accountGadgetsMobileFrontend );
	$wgDefaultMobileSkin = 'minerva';
	$wgMFDefaultSkinClass = 'SkinMinerva';
}

$accountGadgetsWiki = json_decode( file_get_contents( "$accountGadgetsWikiDir/wiki.json" ), true );
foreach ( $accountGadgetsWiki['extensions'] as $accountGadgetsExtension ) {
	if ( $accountGadgetsExtension === 'Parsoid' ) {
		// 1.39's VisualEditor runs the Parsoid of core's vendor folder in-process, as 1.43+ do by
		// themselves (with no $wgVirtualRestConfig for Parsoid, it uses its direct client). Over
		// HTTP, through the wiki's own rest.php, a save deadlocks on SQLite: the API request
		// holds the write lock that the rest.php request it waits for needs.
		wfLoadExtension( 'Parsoid', "$IP/vendor/wikimedia/parsoid/extension.json" );
		$wgParsoidSettings = [ 'useSelser' => true ];
		continue;
	}
	wfLoadExtension( $accountGadgetsExtension );
}
/**
 * Sets configuration globals; an array is merged into the default it replaces, so that
 * `wgAutoCreateTempUser: { enabled: true }` keeps the rest of the default.
 */
function accountGadgetsSet( array $globals ) {
	foreach ( $globals as $name => $value ) {
		$GLOBALS[$name] = is_array( $value ) && is_array( $GLOBALS[$name] ?? null )
			? array_replace_recursive( $GLOBALS[$name], $value )
			: $value;
	}
}
accountGadgetsSet( $accountGadgetsWiki['settings'] );
// ConfirmEdit keeps its default triggers (account creation, failed logins, edits adding links),
// as on a wiki that installs it; a test that needs one off turns it off through overrides.json.
// Its captcha is the default arithmetic question, which a test can answer.

// VisualEditor for everyone, also logged-out readers, in the main, user, project and talk namespaces.
$wgDefaultUserOptions['visualeditor-enable'] = 1;
$wgVisualEditorAvailableNamespaces = [ 'Main' => true, 'User' => true, 'Project' => true, 'Talk' => true ];

// Generous limits so that a test run never trips over them unless it means to.
// The action is 'emailuser' on 1.39 and 'sendemail' from 1.41 on.
$wgRateLimits['emailuser'] = [ 'user' => [ 1000, 60 ], 'newbie' => [ 1000, 60 ] ];
$wgRateLimits['sendemail'] = [ 'user' => [ 1000, 60 ], 'newbie' => [ 1000, 60 ], 'ip' => [ 1000, 60 ] ];
$wgRateLimits['mailpassword'] = [ 'ip' => [ 1000, 60 ] ];
$wgPasswordReminderResendTime = 0;
// Sign-up tests create many accounts from one address in a day.
$wgAccountCreationThrottle = [ [ 'count' => 10000, 'seconds' => 86400 ] ];
// Likewise temporary accounts (1.43+; unknown to 1.39, where these do nothing).
$wgTempAccountCreationThrottle = [ [ 'count' => 10000, 'seconds' => 86400 ] ];
$wgTempAccountNameAcquisitionThrottle = [ [ 'count' => 10000, 'seconds' => 86400 ] ];
// Login tests fail on purpose (wrong passwords, wrong codes) many times a run.
$wgPasswordAttemptThrottle = [ [ 'count' => 1000, 'seconds' => 300 ] ];
// Likewise ConfirmEdit's failed-login trigger, which stays on: its count is per address (every test
// comes from 127.0.0.1) and a login never resets it, so failures of one test would put a question
// before every later login of the run. The captcha test lowers the threshold for itself.
$wgCaptchaBadLoginAttempts = 1000;

// Only failures are logged: a full debug log would slow every request down.
$wgDebugLogGroups = [
	'exception' => "$accountGadgetsWikiDir/exception.log",
	'error' => "$accountGadgetsWikiDir/exception.log",
];
$wgShowExceptionDetails = true;

// Tests change configuration (rate limits, reset routes, reauthentication window…) by writing
// global names and values to overrides.json; they apply from the next request on.
$accountGadgetsOverrides = "$accountGadgetsWikiDir/overrides.json";
if ( is_readable( $accountGadgetsOverrides ) ) {
	accountGadgetsSet( json_decode( file_get_contents( $accountGadgetsOverrides ), true ) ?: [] );
}

// The test-only provider whose step the panels hand over to the wiki's page (see the class).
if ( !empty( $accountGadgetsHandOverProvider ) ) {
	require_once __DIR__ . '/TestHandOverProvider.php';
	$wgAuthManagerAutoConfig['secondaryauth']['AccountGadgetsHandOverProvider'] = [
		'class' => AccountGadgetsHandOverProvider::class,
		'sort' => 0,
	];
}

// The test-only provider that sends the browser to a "third party" and back (see the class).
if ( !empty( $accountGadgetsRedirectProvider ) ) {
	require_once __DIR__ . '/TestRedirectProvider.php';
	$wgAuthManagerAutoConfig['secondaryauth']['AccountGadgetsRedirectProvider'] = [
		'class' => AccountGadgetsRedirectProvider::class,
		'sort' => 0,
	];
}
