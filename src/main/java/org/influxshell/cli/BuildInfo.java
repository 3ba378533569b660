package org.influxshell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and build time written into the jar by the build ({@code META-INF/build-info.properties}). */
public final class BuildInfo {

	private static final Properties PROPERTIES = load();

	private BuildInfo() {
	}

	public static String version() {
		return PROPERTIES.getProperty("build.version", "dev");
	}

	public static String time() {
		return PROPERTIES.getProperty("build.time", "unknown");
	}

	private static Properties load() {
		Properties p = new Properties();
		try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/build-info.properties")) {
			if (in != null) {
				p.load(in);
			}
		}
		catch (IOException ex) {
			// no build information: "dev" and "unknown"
		}
		return p;
	}
}
