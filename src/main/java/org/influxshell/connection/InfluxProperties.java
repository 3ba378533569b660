package org.influxshell.connection;

import java.time.Duration;

/**
 * The {@code influx.*} properties of a run. Spring binds the upstream environment variables onto them
 * ({@code INFLUX_HOST} is {@code influx.host}, and so on); {@link ConnectionResolver} decides how
 * they rank against flags and profiles. Booleans are kept as text so that they can be read with
 * upstream's rules ({@code 1 t T TRUE true True} and the matching false words).
 */
public class InfluxProperties {

	/** Server URL ({@code INFLUX_HOST}); overrides the profile's URL. */
	private String host;

	/** API token ({@code INFLUX_TOKEN}); overrides the profile's token. */
	private String token;

	/** Profile to use for one command ({@code INFLUX_ACTIVE_CONFIG}); the file is not changed. */
	private String activeConfig;

	/** Path of the configs file ({@code INFLUX_CONFIGS_PATH}); default {@code ~/.influxdbv2/configs}. */
	private String configsPath;

	/** Leave table headers out ({@code INFLUX_HIDE_HEADERS}). */
	private String hideHeaders;

	/** Print JSON instead of tables ({@code INFLUX_OUTPUT_JSON}). */
	private String outputJson;

	/** Accept any TLS certificate ({@code INFLUX_SKIP_VERIFY}). */
	private String skipVerify;

	/**
	 * A PEM file of CA certificates trusted in addition to the system's ({@code INFLUX_CA_CERT});
	 * overrides the profile's {@code ca-cert}.
	 */
	private String caCert;

	/**
	 * Print token values masked, as {@code --mask-tokens} does ({@code INFLUX_MASK_TOKENS}): the
	 * first four characters and {@code …}. One of Go's boolean words. {@code auth create} still
	 * shows the token it made: it is the only time the value can be seen.
	 */
	private String maskTokens;

	/**
	 * The server's generation for a command run without a profile that knows it
	 * ({@code INFLUX_PRODUCT}): {@code v2} or {@code v3} (InfluxDB 3 Core and Enterprise).
	 */
	private String product;

	/** How long to wait for a TCP connection to the server: a Go duration such as {@code 10s}. */
	private String connectTimeout = "10s";

	/** How long to wait for a whole response, from sending the request: a Go duration such as {@code 30s}. */
	private String responseTimeout = "30s";

	/** How long tab completion may wait for the server before it gives up: a Go duration such as {@code 1500ms}. */
	private String completionTimeout = "1500ms";

	/**
	 * How long a list fetched for tab completion serves the runs that follow in the same process
	 * (the warm console's, as a shell asks at each Tab): a Go duration such as {@code 10s}, or
	 * {@code 0s} for never.
	 */
	private String completionReuse = "10s";

	/** Most requests a bulk command keeps in flight at once: a whole number above zero. */
	private String bulkConcurrency = "8";

	/**
	 * How many times a request the server refused for now ({@code 429 Too Many Requests},
	 * {@code 503 Service Unavailable}) is sent again, for requests that may safely be repeated
	 * (GET, DELETE, and the PATCH that sets a status): a whole number, zero or more.
	 */
	private String retries = "2";

	/** The largest response body read ({@code 512MiB}; {@code B}, {@code KiB}, {@code MiB}, {@code GiB}, or their {@code KB}... forms). */
	private String maxResponseSize = "512MiB";

	/**
	 * Longest a change of the configs file waits for the lock another process holds on it; after a
	 * second of waiting it says so on stderr, at the limit it fails.
	 */
	private String lockTimeout = "10s";

	/**
	 * The journal of token changes ({@code INFLUX_JOURNAL_PATH}); empty for the default,
	 * {@code influx-shell-journal.jsonl} beside the configs file.
	 */
	private String journalPath = "";

	/** The warm console: a daemon that answers one-shot commands without a cold start. */
	private final Daemon daemon = new Daemon();

	public String getHost() {
		return host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getActiveConfig() {
		return activeConfig;
	}

	public void setActiveConfig(String activeConfig) {
		this.activeConfig = activeConfig;
	}

	public String getConfigsPath() {
		return configsPath;
	}

	public void setConfigsPath(String configsPath) {
		this.configsPath = configsPath;
	}

	public String getHideHeaders() {
		return hideHeaders;
	}

	public void setHideHeaders(String hideHeaders) {
		this.hideHeaders = hideHeaders;
	}

	public String getOutputJson() {
		return outputJson;
	}

	public void setOutputJson(String outputJson) {
		this.outputJson = outputJson;
	}

	public String getProduct() {
		return product;
	}

	public void setProduct(String product) {
		this.product = product;
	}

	public String getMaskTokens() {
		return maskTokens;
	}

	public void setMaskTokens(String maskTokens) {
		this.maskTokens = maskTokens;
	}

	public String getCaCert() {
		return caCert;
	}

	public void setCaCert(String caCert) {
		this.caCert = caCert;
	}

	public String getSkipVerify() {
		return skipVerify;
	}

	public void setSkipVerify(String skipVerify) {
		this.skipVerify = skipVerify;
	}

	public String getConnectTimeout() {
		return connectTimeout;
	}

	public void setConnectTimeout(String connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public String getResponseTimeout() {
		return responseTimeout;
	}

	public void setResponseTimeout(String responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public String getCompletionTimeout() {
		return completionTimeout;
	}

	public void setCompletionTimeout(String completionTimeout) {
		this.completionTimeout = completionTimeout;
	}

	public String getCompletionReuse() {
		return completionReuse;
	}

	public void setCompletionReuse(String completionReuse) {
		this.completionReuse = completionReuse;
	}

	public String getBulkConcurrency() {
		return bulkConcurrency;
	}

	public void setBulkConcurrency(String bulkConcurrency) {
		this.bulkConcurrency = bulkConcurrency;
	}

	public String getRetries() {
		return retries;
	}

	public void setRetries(String retries) {
		this.retries = retries;
	}

	public String getMaxResponseSize() {
		return maxResponseSize;
	}

	public void setMaxResponseSize(String maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	/** {@code influx.max-response-size} in bytes, checked. */
	public long maxResponseSize() {
		return Settings.size("influx.max-response-size", maxResponseSize);
	}

	public String getLockTimeout() {
		return lockTimeout;
	}

	public void setLockTimeout(String lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public String getJournalPath() {
		return journalPath;
	}

	public void setJournalPath(String journalPath) {
		this.journalPath = journalPath;
	}

	public Daemon getDaemon() {
		return daemon;
	}

	/** {@code influx.lock-timeout}, checked. */
	public Duration lockTimeout() {
		return Settings.duration("influx.lock-timeout", lockTimeout);
	}

	/** {@code influx.connect-timeout}, checked. */
	public Duration connectTimeout() {
		return Settings.duration("influx.connect-timeout", connectTimeout);
	}

	/** {@code influx.response-timeout}, checked. */
	public Duration responseTimeout() {
		return Settings.duration("influx.response-timeout", responseTimeout);
	}

	/** {@code influx.completion-timeout}, checked. */
	public Duration completionTimeout() {
		return Settings.duration("influx.completion-timeout", completionTimeout);
	}

	/** {@code influx.completion-reuse}, checked: zero turns reuse off. */
	public Duration completionReuse() {
		return Settings.durationOrZero("influx.completion-reuse", completionReuse);
	}

	/** {@code influx.bulk-concurrency}, checked. */
	public int bulkConcurrency() {
		return Settings.positive("influx.bulk-concurrency", bulkConcurrency);
	}

	/** {@code influx.retries}, checked. */
	public int retries() {
		return Settings.count("influx.retries", retries);
	}

	/**
	 * Checks every setting before anything runs, so that a mistake in one is a usage error naming
	 * it, not a surprise in the middle of a command.
	 * @throws org.influxshell.cli.CliException a usage error naming the property and its variable
	 */
	public void check() {
		connectTimeout();
		responseTimeout();
		completionTimeout();
		completionReuse();
		bulkConcurrency();
		retries();
		maxResponseSize();
		lockTimeout();
		Settings.bool("influx.hide-headers", hideHeaders);
		Settings.bool("influx.output-json", outputJson);
		Settings.bool("influx.skip-verify", skipVerify);
		Settings.bool("influx.mask-tokens", maskTokens);
		if (product != null && !product.isEmpty()) {
			ConnectionResolver.checkProduct(product, "influx.product (INFLUX_PRODUCT)");
		}
		daemon.idleTimeout();
		daemon.autoStart();
	}

	/** The {@code influx.daemon.*} properties. */
	public static class Daemon {

		/**
		 * Start the daemon on first use ({@code INFLUX_DAEMON_AUTO_START}): after a cold run, in the
		 * background, when none answers. One of Go's boolean words.
		 */
		private String autoStart = "false";

		/** How long the daemon waits for a request before it exits: a Go duration such as {@code 15m}. */
		private String idleTimeout = "15m";

		public String getAutoStart() {
			return autoStart;
		}

		public void setAutoStart(String autoStart) {
			this.autoStart = autoStart;
		}

		public String getIdleTimeout() {
			return idleTimeout;
		}

		public void setIdleTimeout(String idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		/** {@code influx.daemon.auto-start}, checked. */
		public boolean autoStart() {
			Settings.bool("influx.daemon.auto-start", autoStart);
			return autoStart != null && !autoStart.isEmpty() && ConnectionResolver.parseBool(autoStart);
		}

		/** {@code influx.daemon.idle-timeout}, checked. */
		public Duration idleTimeout() {
			return Settings.duration("influx.daemon.idle-timeout", idleTimeout);
		}
	}
}
