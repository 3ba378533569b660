package org.influxshell.connection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code influx.*} properties. Spring binds the upstream environment variables onto them
 * ({@code INFLUX_HOST} is {@code influx.host}, and so on); {@link ConnectionResolver} decides how
 * they rank against flags and profiles. Booleans are kept as text so that they can be read with
 * upstream's rules ({@code 1 t T TRUE true True} and the matching false words).
 */
@ConfigurationProperties("influx")
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

	/** How long to wait for a TCP connection to the server. */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/** How long to wait for a whole response, from sending the request. */
	private Duration responseTimeout = Duration.ofSeconds(30);

	/** How long tab completion may wait for the server before it gives up. */
	private Duration completionTimeout = Duration.ofMillis(1500);

	/** Most requests a bulk command keeps in flight at once. */
	private int bulkConcurrency = 8;

	/**
	 * Longest a change of the configs file waits for the lock another process holds on it; after a
	 * second of waiting it says so on stderr, at the limit it fails.
	 */
	private Duration lockTimeout = Duration.ofSeconds(10);

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

	public String getSkipVerify() {
		return skipVerify;
	}

	public void setSkipVerify(String skipVerify) {
		this.skipVerify = skipVerify;
	}

	public Duration getConnectTimeout() {
		return connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Duration getCompletionTimeout() {
		return completionTimeout;
	}

	public void setCompletionTimeout(Duration completionTimeout) {
		this.completionTimeout = completionTimeout;
	}

	public int getBulkConcurrency() {
		return bulkConcurrency;
	}

	public void setBulkConcurrency(int bulkConcurrency) {
		this.bulkConcurrency = bulkConcurrency;
	}

	public Duration getLockTimeout() {
		return lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}
}
