<?php
/**
 * Seeds a local test wiki with the accounts the end-to-end tests use. Idempotent: an account
 * that exists is brought back to the described state (password, email, groups, options).
 *
 * Run as: MW_INSTALL_PATH=<code> MW_CONFIG_FILE=<settings> php seed.php accounts.json
 * Written against the APIs that MediaWiki 1.39 and 1.43 share.
 */

use MediaWiki\MediaWikiServices;

require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

class SeedAccountGadgetsWiki extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addDescription( 'Create the account-gadgets test accounts' );
		$this->addArg( 'accounts', 'JSON file describing the accounts' );
	}

	public function execute() {
		$accounts = json_decode( file_get_contents( $this->getArg( 0 ) ), true );
		foreach ( $accounts as $account ) {
			$this->seedAccount( $account );
		}
	}

	private function seedAccount( array $account ) {
		$services = MediaWikiServices::getInstance();
		$user = $services->getUserFactory()->newFromName( $account['name'] );
		if ( !$user->isRegistered() ) {
			$user->addToDatabase();
		}
		$status = $user->changeAuthenticationData( [
			'username' => $user->getName(),
			'password' => $account['password'],
			'retype' => $account['password'],
		] );
		if ( !$status->isGood() ) {
			$this->fatalError( "Could not set the password of {$account['name']}" );
		}

		$groups = $account['groups'] ?? [];
		$missing = array_diff( $groups, $services->getUserGroupManager()->getUserGroups( $user ) );
		if ( $missing ) {
			$services->getUserGroupManager()->addUserToMultipleGroups( $user, $missing );
		}

		// A confirmed address, or none at all: tests need both kinds of account.
		$user->setEmail( $account['email'] ?? '' );
		$user->setEmailAuthenticationTimestamp( isset( $account['email'] ) ? wfTimestampNow() : null );
		$user->saveSettings();

		$optionsManager = $services->getUserOptionsManager();
		foreach ( $account['options'] ?? [] as $option => $value ) {
			$optionsManager->setOption( $user, $option, $value );
		}
		$optionsManager->saveOptions( $user );

		if ( isset( $account['botPassword'] ) ) {
			$this->seedBotPassword( $user, $account['botPassword'] );
		}
		if ( isset( $account['totpSecret'] ) ) {
			$this->seedTwoFactor( $user, $account['totpSecret'] );
		}
		if ( isset( $account['block'] ) ) {
			$this->seedBlock( $user, $account['block'] );
		}
		$this->output( "Seeded {$user->getName()}\n" );
	}

	/**
	 * Enrols the user in OATHAuth's TOTP with a known secret, as Special:OATHManage would. 1.39's
	 * OATHAuth keeps one module and its keys per user; 1.43's keeps devices (createKey).
	 */
	private function seedTwoFactor( User $user, string $secret ) {
		$services = MediaWikiServices::getInstance();
		$repository = $services->getService( 'OATHUserRepository' );
		$oathUser = $repository->findByUser( $user );
		$keyData = [ 'secret' => $secret, 'scratch_tokens' => [] ];
		if ( $services->hasService( 'OATHAuthModuleRegistry' ) ) {
			if ( !$oathUser->isTwoFactorAuthEnabled() ) {
				$module = $services->getService( 'OATHAuthModuleRegistry' )->getModuleByKey( 'totp' );
				$repository->createKey( $oathUser, $module, $keyData, '127.0.0.1' );
			}
			// 1.45+ keeps recovery codes as a module of their own, made when an authenticator app
			// is enabled (tests that use one set their own with recovery-codes.php).
			$recoveryCodes = 'MediaWiki\\Extension\\OATHAuth\\Key\\RecoveryCodeKeys';
			if ( class_exists( $recoveryCodes ) && !$oathUser->getKeysForModule( 'recoverycodes' ) ) {
				$recoveryCodes::maybeCreateOrUpdateRecoveryCodeKeys( $oathUser );
			}
			return;
		}
		if ( $oathUser->getModule() ) {
			return;
		}
		$module = $services->getService( 'OATHAuth' )->getModuleByKey( 'totp' );
		$oathUser->setModule( $module );
		$oathUser->setKeys( [ $module->newKey( $keyData ) ] );
		$repository->persist( $oathUser, '127.0.0.1' );
	}

	private function seedBlock( User $user, array $block ) {
		$services = MediaWikiServices::getInstance();
		$admin = $services->getUserFactory()->newFromName( $block['by'] );
		$existing = $user->getBlock();
		if ( $existing && $existing->getReasonComment()->text === $block['reason'] ) {
			return;
		}
		if ( $existing ) {
			// Described differently now: placed again as described.
			$services->getUnblockUserFactory()->newUnblockUser( $user, $admin, 'Seeded again' )->unblock();
		}
		$status = $services->getBlockUserFactory()->newBlockUser(
			$user,
			$admin,
			'infinity',
			$block['reason'],
			[ 'isEmailBlocked' => !empty( $block['noemail'] ), 'isCreateAccountBlocked' => false, 'isAutoblocking' => false ]
		)->placeBlock();
		if ( !$status->isOK() ) {
			$this->fatalError( "Could not block {$user->getName()}" );
		}
	}

	private function seedBotPassword( User $user, array $botPassword ) {
		// 1.43 moved the class into a namespace; 1.39 only knows the global name.
		$class = class_exists( 'MediaWiki\User\BotPassword' ) ? 'MediaWiki\User\BotPassword' : 'BotPassword';
		$existing = $class::newFromUser( $user, $botPassword['appId'] );
		if ( $existing ) {
			$existing->delete();
		}
		$bp = $class::newUnsaved( [
			'user' => $user,
			'appId' => $botPassword['appId'],
			'grants' => $botPassword['grants'],
		] );
		$hash = MediaWikiServices::getInstance()->getPasswordFactory()
			->newFromPlaintext( $botPassword['password'] );
		$status = $bp->save( 'insert', $hash );
		if ( !$status->isGood() ) {
			$this->fatalError( "Could not save the bot password of {$user->getName()}" );
		}
	}
}

$maintClass = SeedAccountGadgetsWiki::class;
require_once RUN_MAINTENANCE_IF_MAIN;
