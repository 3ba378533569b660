package org.influxshell.auth;

/**
 * The token change rules ({@link TokenChanges}) for v1 authorizations: selected by ID, username
 * and description, and taken down the {@link ChangePath} of {@link V1Credentials}.
 *
 * @param changes the rules and path for this kind
 */
public record V1Changes(TokenChanges changes) {
}
