package io.cardwatch.review.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Signs local users in. Hashing takes a good fraction of a second by design, so it runs on the blocking executor
 * (the interface's default); an unknown name is hashed too, so that the answer's timing does not tell which names
 * exist.
 */
@Singleton
class LocalUserAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private static final String UNKNOWN_USER_HASH = PasswordHashes.hash("no such user");

    private final Map<String, LocalUser> users;

    LocalUserAuthentication(List<LocalUser> users) {
        for (LocalUser user : users) {
            if (!PasswordHashes.isWellFormed(user.passwordHash())) {
                throw new IllegalStateException("cardwatch.review.local-users: the password-hash of " + user.username()
                        + " is not a pbkdf2-sha256 hash (see docs/review.md to mint one)");
            }
        }
        this.users = users.stream().collect(Collectors.toMap(LocalUser::username, Function.identity()));
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> requestContext,
                                               AuthenticationRequest<String, String> request) {
        String username = request.getIdentity();
        String password = request.getSecret();
        Optional<LocalUser> user = Optional.ofNullable(username).map(users::get);
        String hash = user.map(LocalUser::passwordHash).orElse(UNKNOWN_USER_HASH);
        boolean matches = PasswordHashes.matches(password == null ? "" : password, hash);
        if (user.isEmpty() || !matches) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success(username, Roles.expand(user.get().roles()));
    }
}
