package org.influxshell.command;

/** What kind of value an option takes, for tab completion: a {@link ValueCompleter} serves each kind. */
public enum ValueKind {
	/** nothing to offer */
	NONE,
	/** a profile name of the configs file */
	PROFILE_NAME,
	/** an authorization ID on the server */
	AUTH_ID,
	/** a user name on the server */
	USER_NAME,
	/** a v1-compatibility authorization ID on the server */
	V1_AUTH_ID,
	/** a v1-compatibility authorization's username on the server */
	V1_USERNAME,
	/** the words of a command ({@code help auth list}); the console completes these itself */
	COMMAND
}
