<?php
/**
 * A test-only authentication provider of the local wikis, registered only while a test switches
 * it on (overrides.json: accountGadgetsHandOverProvider). It asks for one more thing on login and
 * on sign-up, a field of a type the panels do not draw ("date"), as a provider a wiki adds might
 * (a security key, a captcha that is a script from elsewhere): the panel must hand the step over
 * to the wiki's own page, where it can be answered.
 *
 * To API clients the field is a "date"; Special:UserLogin and Special:CreateAccount, whose forms
 * only take AuthManager's own types, get it as a text box, as a wiki's page would show what the
 * panel cannot (with a script of its own).
 */

use MediaWiki\Auth\AbstractSecondaryAuthenticationProvider;
use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\AuthenticationResponse;
use MediaWiki\Auth\AuthManager;

class AccountGadgetsHandOverRequest extends AuthenticationRequest {
	/** The answer the provider accepts. */
	public const ANSWER = '2026-12-02';

	/** @var string */
	public $accountGadgetsDate = '';

	public function getFieldInfo() {
		return [
			'accountGadgetsDate' => [
				'type' => defined( 'MW_API' ) ? 'date' : 'string',
				'label' => new RawMessage( 'Date of the test (' . self::ANSWER . ')' ),
				'help' => new RawMessage( 'The test provider asks for it.' ),
			],
		];
	}
}

class AccountGadgetsHandOverProvider extends AbstractSecondaryAuthenticationProvider {
	public function getAuthenticationRequests( $action, array $options ) {
		return $action === AuthManager::ACTION_CREATE ? [ new AccountGadgetsHandOverRequest() ] : [];
	}

	private static function answered( array $reqs ): bool {
		$req = AuthenticationRequest::getRequestByClass( $reqs, AccountGadgetsHandOverRequest::class );
		return $req && trim( $req->accountGadgetsDate ) === AccountGadgetsHandOverRequest::ANSWER;
	}

	public function beginSecondaryAuthentication( $user, array $reqs ) {
		return AuthenticationResponse::newUI(
			[ new AccountGadgetsHandOverRequest() ],
			new RawMessage( 'One more question from the test provider.' )
		);
	}

	public function continueSecondaryAuthentication( $user, array $reqs ) {
		return self::answered( $reqs ) ? AuthenticationResponse::newPass() : AuthenticationResponse::newUI(
			[ new AccountGadgetsHandOverRequest() ],
			new RawMessage( 'That is not the date of the test.' ),
			'error'
		);
	}

	public function testForAccountCreation( $user, $creator, array $reqs ) {
		return self::answered( $reqs ) ? StatusValue::newGood() : StatusValue::newFatal( new RawMessage( 'That is not the date of the test.' ) );
	}

	public function beginSecondaryAccountCreation( $user, $creator, array $reqs ) {
		return AuthenticationResponse::newPass();
	}
}
