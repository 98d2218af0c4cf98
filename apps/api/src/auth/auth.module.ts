import { Module } from '@nestjs/common';
import { ActivationService } from './activation.service.js';
import { AuthController } from './auth.controller.js';
import { LoginFailures } from './login-failures.service.js';
import { LoginGuard } from './login.guard.js';
import { PasswordChangeService } from './password-change.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordStrategy } from './password.strategy.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import { SecondFactorService } from './second-factor.service.js';
import { SecurityKeyPolicyRepository } from './security-key-policy.repository.js';
import { SessionCookie } from './session-cookie.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { SignInService } from './sign-in.service.js';
import { StaffKeysService } from './staff-keys.service.js';
import { StaffRepository } from './staff.repository.js';
import { StaffWork } from './staff-work.js';
import { SecurityKeyController } from './webauthn.controller.js';
import { SecurityKeyRepository } from './webauthn-credential.repository.js';
import { SecurityKeyPolicyController } from './webauthn-policy.controller.js';
import { SecurityKeyPolicyStore } from './webauthn-policy.js';
import { SecurityKeyService } from './webauthn.service.js';

/** Staff identity: passwords, second factor, key pairs, sessions, activation links. */
@Module({
  controllers: [AuthController, SecurityKeyController, SecurityKeyPolicyController],
  providers: [
    { provide: StaffWork, useFactory: () => new StaffWork() },
    ActivationService,
    LoginFailures,
    LoginGuard,
    PasswordChangeService,
    PasswordHasher,
    PasswordStrategy,
    RecoveryCodeRepository,
    SecondFactorService,
    SessionCookie,
    SessionRepository,
    SessionService,
    SignInService,
    StaffKeysService,
    StaffRepository,
    SecurityKeyPolicyStore,
    SecurityKeyPolicyRepository,
    SecurityKeyRepository,
    SecurityKeyService,
  ],
  exports: [ActivationService, PasswordHasher, SecondFactorService, SessionService, StaffKeysService, StaffRepository],
})
export class AuthModule {}
